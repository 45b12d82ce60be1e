// expect: none
const { Pool } = require('pg');

const pool = new Pool();

/** Runs one statement on the pool. */
function query(text, params) {
  return pool.query(text, params);
}

module.exports = { query };
