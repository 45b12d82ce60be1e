// fix: Read from environment (process.env.SESSION_SECRET)
const { SESSION_SECRET, PORT = 3000 } = process.env;

module.exports = { SESSION_SECRET, PORT };
