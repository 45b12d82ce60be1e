const { Router } = require('express');
const accounts = require('../models/accounts');
const models = require('../models');
const service = require('../services/accounts-service');
const { findUser, findUserByText } = require('../models/users');

const router = Router();

router.post('/login', async (req, res) => {
  const account = await accounts.findByEmail(req.body.email); // expect: sql-injection:46
  res.json({ id: account.id });
});

router.get('/accounts/:id', async (req, res) => {
  res.json(await accounts.findById(req.params.id));
});

router.get('/search', async (req, res) => {
  res.json(await models.accounts.searchByName(req.query.q)); // expect: sql-injection:47
});

router.get('/admins', async (req, res) => {
  res.json(await accounts.searchByName('admin'));
});

router.post('/lookup', async (req, res) => {
  res.json(await service.lookup(req.body.email)); // expect: sql-injection:33
});

router.get('/lookup/:id', async (req, res) => {
  res.json(await service.lookupId(req.params.id));
});

router.post('/user', async (req, res) => {
  res.json(await findUser(req.body.email)); // expect: nosql-injection:27
});

router.post('/user-text', async (req, res) => {
  res.json(await findUser(String(req.body.email)));
});

router.post('/user-by-text', async (req, res) => {
  res.json(await findUserByText(req.body.email));
});

module.exports = router;
