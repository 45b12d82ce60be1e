const express = require('express');
const mysql = require('mysql2');
const { Pool } = require('pg');

const app = express();
const db = mysql.createConnection({});
const pool = new Pool();

app.get('/a', (req, res) => {
  let q = 'SELECT * FROM users WHERE 1=1';
  if (req.query.name) q += " AND name = '" + req.query.name + "'"; // fault: sql-injection
  db.query(q, (e, rows) => res.json(rows));
});

app.get('/b', async (req, res) => {
  const sql = 'SELECT * FROM items WHERE id = '.concat(req.params.id);
  res.json((await pool.query(sql)).rows); // fault: sql-injection
});

app.get('/c', (req, res) => {
  db.query({ sql: `SELECT * FROM t WHERE name = '${req.query.n}'` }, (e, r) => res.json(r)); // fault: sql-injection
});

app.get('/d', (req, res) => {
  db.execute('SELECT * FROM t WHERE n = ' + req.query.n, (e, r) => res.json(r)); // fault: sql-injection
});

app.get('/e', (req, res) => {
  db.execute('SELECT * FROM t WHERE n = ?', [req.query.n], (e, r) => res.json(r)); // safe: sql-injection
});
