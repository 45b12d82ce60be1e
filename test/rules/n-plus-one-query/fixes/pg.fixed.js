// fix: Batch these queries
const { Pool } = require('pg');

const pool = new Pool();

async function getOrdersWithCustomers() {
  const { rows: orders } = await pool.query('SELECT * FROM orders WHERE paid = true');
  const { rows: customerRows } = await pool.query('SELECT * FROM customers WHERE id = ANY($1)', [orders.map((order) => order.customer_id)]);
  const customerById = new Map(customerRows.map((row) => [row.id, row]));
  for (const order of orders) {
    const customer = customerById.get(order.customer_id);
    order.customer = customer;
  }
  return orders;
}

module.exports = { getOrdersWithCustomers };
