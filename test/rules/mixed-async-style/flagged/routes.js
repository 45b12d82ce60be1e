const express = require('express');
const fs = require('fs');
const mysql = require('mysql2');
const bcrypt = require('bcrypt');

const db = mysql.createConnection({ host: 'localhost', user: 'app', database: 'app' });
const router = express.Router();

router.get('/report/:name', async (req, res) => {
  const owner = await findOwner(req.user.id);
  fs.readFile(`reports/${owner.dir}/latest.json`, 'utf8', (err, data) => { // expect: mixed-async-style:3
    if (err) return res.status(404).end();
    res.type('json').send(data);
  });
});

router.post('/users', async (req, res) => {
  const hash = await hashPassword(req.body.password);
  db.query('INSERT INTO users (email, password_hash) VALUES (?, ?)', [req.body.email, hash], (err, result) => { // expect: mixed-async-style:3
    if (err) return res.status(500).json({ error: 'insert failed' });
    res.status(201).json({ id: result.insertId });
  });
});

async function hashPassword(password) {
  return new Promise((resolve, reject) => {
    bcrypt.hash(password, 12, (err, hash) => (err ? reject(err) : resolve(hash)));
  });
}

async function rotateSecret(user) {
  const current = await loadSecret(user.id);
  bcrypt.hash(current, 12, (err, hash) => { // expect: mixed-async-style:3
    if (!err) user.secretHash = hash;
  });
}

async function findOwner(id) {
  const [rows] = await db.promise().query('SELECT dir FROM owners WHERE user_id = ?', [id]);
  return rows[0];
}

async function loadSecret(id) {
  const owner = await findOwner(id);
  return fetch(`https://vault.example.com/secrets/${owner.dir}`).then((res) => { // expect: mixed-async-style:66
    if (!res.ok) throw new Error(`vault answered ${res.status}`);
    return res.text();
  });
}

module.exports = { router, rotateSecret };
