const { Pool } = require('pg');

const pool = new Pool();

async function buildMonthlyReport(month) {
  const startDate = new Date(`${month}-01`);
  const endDate = new Date(startDate.getFullYear(), startDate.getMonth() + 1, 1);
  const total_revenue = await sumRevenue(startDate, endDate); // expect: inconsistent-naming:9
  const orderCount = await countOrders(startDate, endDate);
  return { month, revenue: total_revenue, orderCount };
}

async function sumRevenue(from, to) {
  const result = await pool.query('SELECT sum(amount) AS total FROM orders WHERE created_at >= $1 AND created_at < $2', [from, to]);
  return Number(result.rows[0].total);
}

async function countOrders(from, to) {
  const result = await pool.query('SELECT count(*) AS n FROM orders WHERE created_at >= $1 AND created_at < $2', [from, to]);
  return Number(result.rows[0].n);
}

module.exports = { buildMonthlyReport };
