const express = require('express');
const { pool } = require('./db');

const router = express.Router();

router.post('/customers', async (req, res) => {
  const { name, email } = req.body;
  if (typeof name !== 'string' || name.trim() === '') return res.status(400).json({ error: 'name is required' });
  if (typeof email !== 'string' || !email.includes('@')) return res.status(400).json({ error: 'email is invalid' });
  const existing = await pool.query('SELECT id FROM customers WHERE email = $1', [email.toLowerCase()]);
  if (existing.rowCount > 0) return res.status(409).json({ error: 'email is taken' });
  const created = await pool.query('INSERT INTO customers (name, email) VALUES ($1, $2) RETURNING id', [name.trim(), email.toLowerCase()]);
  res.status(201).json({ id: created.rows[0].id });
});

router.post('/suppliers', async (req, res) => {
  const { title, contact } = req.body; // expect: duplicate-code:3
  if (typeof title !== 'string' || title.trim() === '') return res.status(400).json({ error: 'title is required' });
  if (typeof contact !== 'string' || !contact.includes('@')) return res.status(400).json({ error: 'contact is invalid' });
  const found = await pool.query('SELECT id FROM suppliers WHERE contact = $1', [contact.toLowerCase()]);
  if (found.rowCount > 0) return res.status(409).json({ error: 'contact is taken' });
  const inserted = await pool.query('INSERT INTO suppliers (title, contact) VALUES ($1, $2) RETURNING id', [title.trim(), contact.toLowerCase()]);
  res.status(201).json({ id: inserted.rows[0].id });
});

module.exports = router;
