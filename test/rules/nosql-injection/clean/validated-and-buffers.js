// expect: none
// Values that cannot be operator objects: a field express-validator checked as an email before the handler ran
// (the handler stops on errors), and a Buffer made from request data.
const express = require('express');
const { check, validationResult } = require('express-validator');
const User = require('../models/User');
const Upload = require('../models/Upload');

const router = express.Router();

router.post('/login', check('email', 'Please include a valid email').isEmail(), check('password').exists(), async (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });
  const { email } = req.body;
  const user = await User.findOne({ email });
  return res.json({ found: Boolean(user) });
});

router.post('/uploads/find', async (req, res) => {
  const digest = Buffer.from(req.body.digest, 'hex');
  const upload = await Upload.findOne({ digest });
  res.json(upload);
});

module.exports = router;
