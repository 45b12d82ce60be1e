// expect: none
const express = require('express');
const rateLimit = require('express-rate-limit');
const slowDown = require('express-slow-down');
const ExpressBrute = require('express-brute');
const { RateLimiterMemory } = require('rate-limiter-flexible');

const app = express();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5 });
const bruteforce = new ExpressBrute(new ExpressBrute.MemoryStore());
const otpLimiter = new RateLimiterMemory({ points: 5, duration: 300 });

function limitOtp(req, res, next) {
  otpLimiter
    .consume(req.ip)
    .then(() => next())
    .catch(() => res.status(429).send('Too many attempts'));
}

app.post('/login', loginLimiter, async (req, res) => {
  res.json(await signIn(req.body));
});

app.post('/register', slowDown({ windowMs: 15 * 60 * 1000, delayAfter: 3, delayMs: () => 500 }), async (req, res) => {
  res.json(await register(req.body));
});

app.post('/forgot-password', bruteforce.prevent, async (req, res) => {
  res.json(await sendReset(req.body.email));
});

app.post('/verify-otp', limitOtp, async (req, res) => {
  res.json(await verifyOtp(req.body));
});

app.post('/auth/token', async (req, res) => {
  try {
    await otpLimiter.consume(req.ip);
  } catch {
    return res.status(429).end();
  }
  res.json(await issueToken(req.body));
});

app.post('/magic-link', [rateLimit({ windowMs: 60 * 60 * 1000, limit: 3 })], async (req, res) => {
  res.json(await sendMagicLink(req.body.email));
});
