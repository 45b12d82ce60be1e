// fix: Read from environment (process.env.DATABASE_URL)
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

module.exports = pool;
