// fix: Batch these queries
const { Pool } = require('pg');

const pool = new Pool();

async function getOrdersWithCustomers() {
  const { rows: orders } = await pool.query('SELECT * FROM orders WHERE paid = true');
  for (const order of orders) {
    const { rows: [customer] } = await pool.query('SELECT * FROM customers WHERE id = $1', [order.customer_id]);
    order.customer = customer;
  }
  return orders;
}

module.exports = { getOrdersWithCustomers };
