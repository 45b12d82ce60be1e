const express = require('express');
const db = require('../db');
const { ownerOf, fingerprint, label } = require('../services/owners');

const router = express.Router();

router.post('/', async (req, res) => {
  const owners = [];
  for (const email of req.body.emails) owners.push(await ownerOf(email)); // expect: n-plus-one-query:58
  res.json(owners);
});

router.post('/pin', async (req, res) => {
  await db.query('UPDATE accounts SET pin_hash = $1 WHERE id = $2', [fingerprint(req.body.password), req.user.id]); // expect: weak-password-hash:70
  res.end();
});

// The look-alikes: a helper that runs no query, in the same loop; the same digest of a device id.
router.post('/labels', async (req, res) => {
  const labels = [];
  for (const email of req.body.emails) labels.push(label(email));
  res.json({ labels, device: fingerprint(req.body.deviceId) });
});

module.exports = router;
