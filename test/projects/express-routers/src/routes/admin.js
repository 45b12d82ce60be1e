const express = require('express');
const accounts = require('../accounts');

const router = express.Router();

router.post('/login', async (req, res) => { // expect: missing-rate-limit:8
  const user = await accounts.signIn(req.body.email, req.body.password);
  res.cookie('session', user.token, { httpOnly: true }); // expect: missing-csrf:3
  res.json({ ok: true });
});

router.post('/settings', async (req, res) => {
  await accounts.update(req.session.userId, req.body.theme);
  res.json({ ok: true });
});

module.exports = router;
