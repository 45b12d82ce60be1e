// expect: none
const express = require('express');
const fs = require('fs');
const { Pool } = require('pg');

const pool = new Pool();
const router = express.Router();

let sharp;
try {
  sharp = require('sharp');
} catch {}

function readConfig(path) {
  let config = {};
  try {
    config = JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch (err) {
    // a missing or malformed config file means defaults
  }
  return config;
}

function exists(path) {
  try {
    fs.accessSync(path);
    return true;
  } catch {
    return false;
  }
}

router.post('/orders', async (req, res, next) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('INSERT INTO orders (total) VALUES ($1) RETURNING id', [req.body.total]);
    await client.query('COMMIT');
    res.status(201).json({ id: rows[0].id });
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {}
    next(err);
  } finally {
    client.release();
  }
});

router.put('/profile', async (req, res) => {
  try {
    await pool.query('UPDATE users SET name = $1 WHERE id = $2', [req.body.name, req.user.id]);
  } catch (err) {
    console.error('profile update failed', err);
    return res.status(500).json({ error: 'Could not update profile' });
  }
  res.json({ success: true });
});

router.get('/avatar/:id', async (req, res) => {
  const cached = await pool.query('SELECT data FROM avatars WHERE id = $1', [req.params.id]).catch(() => null);
  const tmp = `/tmp/${req.params.id}.png`;
  await fs.promises.unlink(tmp).catch(() => {});
  pool.query('SELECT 1').catch(() => {});
  res.send(cached ? cached.rows[0].data : Buffer.alloc(0));
});

function closeQuietly(socket) {
  try {
    socket.destroy();
  } catch {}
}

module.exports = { router, readConfig, exists, closeQuietly, sharp };
