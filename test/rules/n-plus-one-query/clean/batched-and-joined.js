// expect: none
const { Pool } = require('pg');
const knex = require('knex')({ client: 'pg' });

const pool = new Pool();

// The single-JOIN version of getOrdersWithCustomers: one query, however many orders.
async function getOrdersWithCustomers() {
  const { rows } = await pool.query(
    `SELECT o.*, c.name AS customer_name, c.email AS customer_email
       FROM orders o
       JOIN customers c ON c.id = o.customer_id
      WHERE o.created_at > now() - interval '1 day'`,
  );
  return rows;
}

// Batched: one query before the loop, a Map lookup inside it.
async function invoiceLines(orders) {
  const { rows: customers } = await pool.query('SELECT * FROM customers WHERE id = ANY($1)', [orders.map((o) => o.customerId)]);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const lines = [];
  for (const o of orders) lines.push({ order: o.id, name: byId.get(o.customerId).name });
  return lines;
}

// Chunks of ids, each fetched in one IN query: the batching is the point.
async function inChunks(ids) {
  const out = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(...(await knex('users').whereIn('id', chunk)));
  }
  for (const chunk of chunksOf(ids, 500)) {
    await pool.query('DELETE FROM sessions WHERE user_id = ANY($1)', [chunk]);
    await knex('audit').insert(chunk.map((id) => ({ user_id: id })));
  }
  return out;
}

function chunksOf(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

// One multi-row insert.
async function importContacts(contacts) {
  const values = contacts.flatMap((c) => [c.email, c.name]);
  const tuples = contacts.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2})`).join(', ');
  await pool.query(`INSERT INTO contacts (email, name) VALUES ${tuples}`, values);
}

module.exports = { getOrdersWithCustomers, invoiceLines, inChunks, importContacts };
