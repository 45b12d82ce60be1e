// expect: none
const { Pool } = require('pg');
const Order = require('./models/order');

const pool = new Pool();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Retry: the same query again after a failure, not one per item.
async function withRetry(sql, params) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.query(sql, params);
    } catch (err) {
      if (attempt >= 5) throw err;
      await sleep(100 * 2 ** attempt);
    }
  }
}

async function loadOrder(id) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);
      return rows[0];
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

// Polling: the same row until its status changes.
async function waitForExport(exportId) {
  let status = 'pending';
  while (status === 'pending') {
    const { rows } = await pool.query('SELECT status FROM exports WHERE id = $1', [exportId]);
    status = rows[0].status;
    if (status === 'pending') await sleep(1000);
  }
  return status;
}

// Keyset pagination: each page's query depends on the previous page.
async function* allOrders() {
  let cursor = 0;
  for (;;) {
    const { rows } = await pool.query('SELECT * FROM orders WHERE id > $1 ORDER BY id LIMIT 500', [cursor]);
    if (rows.length === 0) return;
    yield* rows;
    cursor = rows[rows.length - 1].id;
  }
}

// Offset pagination with a page counter.
async function exportAll(write) {
  for (let page = 0; ; page++) {
    const rows = await Order.findAll({ limit: 1000, offset: page * 1000, order: [['id', 'ASC']] });
    if (rows.length === 0) break;
    await write(rows);
  }
}

// A bounded constant loop: three shards, three queries.
async function shardCounts() {
  const counts = [];
  for (let shard = 0; shard < 3; shard++) {
    counts.push(await pool.query('SELECT count(*) FROM events WHERE shard = $1', [shard]));
  }
  for (const table of ['users', 'orders', 'payments']) {
    await pool.query(`ANALYZE ${table}`);
  }
  return counts;
}

module.exports = { withRetry, loadOrder, waitForExport, allOrders, exportAll, shardCounts };
