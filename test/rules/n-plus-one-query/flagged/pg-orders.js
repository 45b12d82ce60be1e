const { Pool } = require('pg');

const pool = new Pool();

// The N+1 an assistant writes first: one query for the orders, then one more per order.
async function getOrdersWithCustomers() {
  const { rows: orders } = await pool.query('SELECT * FROM orders WHERE created_at > now() - interval \'1 day\'');
  for (const order of orders) {
    const { rows } = await pool.query('SELECT * FROM customers WHERE id = $1', [order.customer_id]); // expect: n-plus-one-query:28
    order.customer = rows[0];
  }
  return orders;
}

async function getCustomer(id) {
  const { rows } = await pool.query('SELECT * FROM customers WHERE id = $1', [id]);
  return rows[0];
}

// Through a helper of this file: the query is one call away.
async function invoiceLines(orders) {
  const lines = [];
  for (const o of orders) {
    const customer = await getCustomer(o.customerId); // expect: n-plus-one-query:28
    lines.push({ order: o.id, name: customer.name });
  }
  return lines;
}

// Concurrent is still one query per item: a thousand orders open a thousand queries at once.
async function withItems(orders) {
  return Promise.all(
    orders.map(async (order) => {
      const { rows } = await pool.query('SELECT * FROM order_items WHERE order_id = $1', [order.id]); // expect: n-plus-one-query:30
      return { ...order, items: rows };
    }),
  );
}

// forEach with an async callback, and a classic index loop.
function touchAll(users) {
  users.forEach(async (user) => {
    await pool.query('SELECT count(*) FROM sessions WHERE user_id = $1', [user.id]); // expect: n-plus-one-query:11
  });
  for (let i = 0; i < users.length; i++) {
    const sql = 'SELECT * FROM profiles WHERE user_id = $1';
    pool.query(sql, [users[i].id]); // expect: n-plus-one-query:5
  }
}

// A work queue drained one item at a time.
async function drain(queue) {
  while (queue.length > 0) {
    const job = queue.shift();
    await pool.query('SELECT * FROM jobs WHERE id = $1', [job.id]); // expect: n-plus-one-query:11
  }
}

// Per-row inserts are N+1 too: one round trip per row where one multi-row INSERT would do.
async function importContacts(contacts) {
  for (const c of contacts) {
    await pool.query('INSERT INTO contacts (email, name) VALUES ($1, $2)', [c.email, c.name]); // expect: n-plus-one-query:11
  }
}

module.exports = { getOrdersWithCustomers, invoiceLines, withItems, touchAll, drain, importContacts };
