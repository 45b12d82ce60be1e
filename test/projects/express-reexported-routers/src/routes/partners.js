const { Router } = require('express');

const router = Router();
router.post('/login', (req, res) => res.json({ partner: req.body.partnerId })); // expect: missing-rate-limit:8

module.exports = router;
