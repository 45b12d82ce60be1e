const express = require('express');
const accounts = require('../models/accounts');
const { findByEmail } = require('../models/accounts');

const router = express.Router();

router.post('/owners', async (req, res) => {
  const owners = [];
  for (const email of req.body.emails) {
    owners.push(await accounts.findByEmail(email)); // expect: n-plus-one-query:23
  }
  res.json(owners);
});

router.post('/owners-by-name', async (req, res) => {
  const owners = [];
  for (let i = 0; i < req.body.emails.length; i++) {
    const owner = await findByEmail(req.body.emails[i]); // expect: n-plus-one-query:25
    owners.push(owner);
  }
  res.json(owners);
});

// The look-alikes: one query for the set, a helper that runs none, a query whose argument is not the item.
router.post('/owners-at-once', async (req, res) => {
  const owners = await accounts.findByEmails(req.body.emails);
  res.json(owners.map((o) => accounts.displayName(o)));
});

router.post('/me-for-each', async (req, res) => {
  const me = [];
  for (const _ of req.body.emails) me.push(await accounts.findByEmail(req.user.email));
  res.json(me);
});

module.exports = router;
