// expect: none
const express = require('express');
const fs = require('fs');
const { promisify } = require('util');
const crypto = require('crypto');
const mysql = require('mysql2');

const randomBytes = promisify(crypto.randomBytes);
const db = mysql.createPool({ host: 'localhost' }).promise();
const router = express.Router();

router.get('/report/:name', async (req, res, next) => {
  try {
    const data = await fs.promises.readFile(`reports/${req.params.name}.json`, 'utf8');
    res.type('json').send(data);
  } catch (err) {
    next(err);
  }
});

router.post('/tokens', async (req, res) => {
  const token = (await randomBytes(32)).toString('hex');
  const [result] = await db.query('INSERT INTO tokens (value) VALUES (?)', [token]);
  res.status(201).json({ id: result.insertId, token });
});

router.get('/legacy', (req, res) => {
  fs.readFile('legacy.txt', 'utf8', (err, text) => {
    if (err) return res.status(500).end();
    res.send(text);
  });
});

async function readJson(path) {
  return new Promise((resolve, reject) => {
    fs.readFile(path, 'utf8', (err, text) => (err ? reject(err) : resolve(JSON.parse(text))));
  });
}

async function fetchUser(id) {
  const res = await fetch(`https://api.example.com/users/${id}`);
  const body = await fetch(`https://api.example.com/users/${id}/prefs`).then((r) => r.json());
  return { ...(await res.json()), prefs: body };
}

async function findOrFail(repo, id) {
  return repo.findOne(id).then((row) => {
    if (!row) throw new Error(`no row ${id}`);
    return row;
  });
}

async function withLock(lock, callback) {
  await lock.acquire();
  try {
    return await callback();
  } finally {
    lock.release();
  }
}

async function handler(req, res, next) {
  const items = await db.query('SELECT id FROM items');
  items[0].forEach((item) => res.write(String(item.id)));
  next();
}

module.exports = { router, readJson, fetchUser, findOrFail, withLock, handler };
