// expect: none
const { Router } = require('express');
const accounts = require('../accounts');

const router = Router();

router.post('/login', async (req, res) => {
  const user = await accounts.signIn(req.body.email, req.body.password);
  res.cookie('session', user.token, { httpOnly: true });
  res.json({ ok: true });
});

module.exports = router;
