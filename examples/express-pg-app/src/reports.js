const express = require('express');
const { pool } = require('./db');

const reports = express.Router();

// One query for the orders, then one more per order: a day of 5,000 orders is 5,001 round trips.
async function getOrdersWithCustomers() {
  const { rows: orders } = await pool.query("SELECT * FROM orders WHERE created_at > now() - interval '1 day'");
  for (const order of orders) {
    const { rows } = await pool.query('SELECT * FROM customers WHERE id = $1', [order.customer_id]); // expect: n-plus-one-query:28
    order.customer = rows[0];
  }
  return orders;
}

// The look-alike: one JOIN, however many orders there are.
async function getOrdersWithCustomersJoined() {
  const { rows } = await pool.query(
    `SELECT o.*, c.name AS customer_name, c.email AS customer_email
       FROM orders o
       JOIN customers c ON c.id = o.customer_id
      WHERE o.created_at > now() - interval '1 day'`,
  );
  return rows;
}

// Every customer ever, in one response: fine at launch, a timeout a year later.
reports.get('/customers', async (req, res) => {
  const { rows } = await pool.query('SELECT id, name, email FROM customers ORDER BY name'); // expect: unbounded-query:26
  res.json(rows);
});

// The look-alike: one page at a time, the page size capped.
reports.get('/customers/page', async (req, res) => {
  const pageSize = Math.min(Number(req.query.limit) || 100, 100);
  const offset = Number(req.query.offset) || 0;
  const { rows } = await pool.query('SELECT id, name, email FROM customers ORDER BY name LIMIT $1 OFFSET $2', [pageSize, offset]);
  res.json(rows);
});

// Totals are one row, however large the table.
reports.get('/revenue', async (req, res) => {
  const { rows } = await pool.query('SELECT count(*) AS orders, sum(total_cents) AS revenue_cents FROM orders');
  res.json(rows[0]);
});

module.exports = { reports, getOrdersWithCustomers, getOrdersWithCustomersJoined };
