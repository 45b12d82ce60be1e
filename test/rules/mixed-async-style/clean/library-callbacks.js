// expect: none
// Callbacks whose (…, done) signature a library dictates: Passport's verify function, socket.io's allowRequest.
const passport = require('passport');
const LocalStrategy = require('passport-local').Strategy;
const { Server } = require('socket.io');
const User = require('./models/user');

passport.use(
  new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
    try {
      const user = await User.findOne({ email: String(email) });
      if (!user || !(await user.verifyPassword(password))) return done(null, false);
      return done(null, user);
    } catch (err) {
      return done(err);
    }
  }),
);

passport.deserializeUser(async (id, done) => {
  const user = await User.findById(String(id));
  done(null, user);
});

function attach(httpServer, limiter) {
  return new Server(httpServer, {
    allowRequest: async (req, callback) => {
      const allowed = await limiter.pass(req.socket.remoteAddress);
      callback(null, allowed);
    },
  });
}

module.exports = { attach };
