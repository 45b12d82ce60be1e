// expect: none
const { describe, it, before } = require('mocha');
const assert = require('node:assert');
const { Pool } = require('pg');

const pool = new Pool();

describe('orders', () => {
  before(async () => {
    await pool.query('DELETE FROM orders');
  });

  it('creates an order', async () => {
    const { rows } = await pool.query('INSERT INTO orders (total) VALUES ($1) RETURNING id', [10]);
    assert.ok(rows[0].id);
  });
});
