// fix: Add rate limiter
const express = require('express');
const rateLimit = require('express-rate-limit');

const app = express();
const router = express.Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5 });

router.post('/login', loginLimiter, (req, res) => res.json(login(req.body)));
router.post('/register', loginLimiter, (req, res) => res.json(register(req.body)));

app.use('/auth', router);
module.exports = app;
