// expect: none
const { Router } = require('express');

// Mounted under /api by app.js through routes/index.js, behind the /api limiter.
const router = Router();
router.post('/login', (req, res) => res.json({ email: req.body.email }));

module.exports = router;
