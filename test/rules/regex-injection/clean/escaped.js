// expect: none
const express = require('express');
const _ = require('lodash');
const escapeStringRegexp = require('escape-string-regexp');
const mongoose = require('mongoose');

const User = mongoose.model('User');
const router = express.Router();

function escapeRegExp(text) {
  return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

router.get('/users', async (req, res) => {
  res.json(await User.find({ name: { $regex: escapeRegExp(req.query.q), $options: 'i' } }));
});

router.get('/users/prefix', async (req, res) => {
  res.json(await User.find({ name: { $regex: `^${escapeRegExp(req.query.prefix)}` } }));
});

router.get('/files', (req, res) => {
  const pattern = new RegExp(_.escapeRegExp(req.query.pattern), 'i');
  res.json(['a', 'b'].filter((f) => pattern.test(f)));
});

router.get('/tags', (req, res) => {
  const safe = escapeStringRegexp(req.query.tag);
  res.json(['x'].filter((t) => new RegExp(`^${safe}$`).test(t)));
});

router.get('/slugs', (req, res) => {
  const slug = req.query.slug.replace(/[^a-z0-9-]/g, '');
  res.json(['x'].filter((t) => new RegExp(slug).test(t)));
});

router.get('/codes', (req, res) => {
  const code = req.query.code;
  if (!/^[A-Z0-9]{3,8}$/.test(code)) return res.status(400).end();
  res.json(['x'].filter((t) => new RegExp(code).test(t)));
});

router.get('/inline', async (req, res) => {
  const term = req.query.term.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
  res.json(await User.find({ name: { $regex: term, $options: 'i' } }));
});
