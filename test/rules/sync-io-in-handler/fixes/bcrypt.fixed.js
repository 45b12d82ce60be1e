// fix: Use await bcrypt.hash
const express = require('express');
const bcrypt = require('bcryptjs');

const router = express.Router();

router.post('/register', async (req, res) => {
  const passwordHash = await bcrypt.hash(req.body.password, 12);
  await db.users.insert({ email: req.body.email, passwordHash });
  res.sendStatus(201);
});

module.exports = router;
