const express = require('express');
const rateLimit = require('express-rate-limit');
const bcrypt = require('bcrypt');
const { users } = require('./db');

const app = express();
app.use(express.json());

const adminRouter = express.Router();
const adminLimiter = rateLimit({ windowMs: 60 * 1000, limit: 20 });
adminRouter.use(adminLimiter);
app.use('/admin', adminRouter);

app.use('/api/search', rateLimit({ windowMs: 60 * 1000, limit: 30 }));

app.get('/login', (req, res) => res.render('login'));

app.post('/login', async (req, res) => { // expect: missing-rate-limit:5
  const user = await users.findByEmail(req.body.email);
  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.status(401).end();
  req.session.userId = user.id;
  res.redirect('/');
});

app.post('/api/auth/forgot-password', async (req, res) => { // expect: missing-rate-limit:5
  await users.sendResetMail(req.body.email);
  res.status(202).end();
});

app
  .route('/signup')
  .get((req, res) => res.render('signup'))
  .post(async (req, res) => { // expect: missing-rate-limit:4
    await users.create(req.body);
    res.redirect('/login');
  });

app.all('/auth/verify-otp', async (req, res) => { // expect: missing-rate-limit:5
  res.json({ ok: await users.checkCode(req.session.userId, req.body.code) });
});

module.exports = app;
