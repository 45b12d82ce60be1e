// expect: none
// The same two routes with the shared steps in one function: nothing is repeated.
const express = require('express');
const { pool } = require('./db');

const router = express.Router();

async function createParty(table, label, contactField, body, res) {
  const label_ = body[label];
  const contact = body[contactField];
  if (typeof label_ !== 'string' || label_.trim() === '') return res.status(400).json({ error: `${label} is required` });
  if (typeof contact !== 'string' || !contact.includes('@')) return res.status(400).json({ error: `${contactField} is invalid` });
  const existing = await pool.query(`SELECT id FROM ${table} WHERE ${contactField} = $1`, [contact.toLowerCase()]);
  if (existing.rowCount > 0) return res.status(409).json({ error: `${contactField} is taken` });
  const created = await pool.query(`INSERT INTO ${table} (${label}, ${contactField}) VALUES ($1, $2) RETURNING id`, [label_.trim(), contact.toLowerCase()]);
  return res.status(201).json({ id: created.rows[0].id });
}

router.post('/customers', (req, res) => createParty('customers', 'name', 'email', req.body, res));
router.post('/suppliers', (req, res) => createParty('suppliers', 'title', 'contact', req.body, res));

module.exports = router;
