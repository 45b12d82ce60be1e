// fix: Read from environment (process.env.DATABASE_URL)
const { Pool } = require('pg');

const pool = new Pool({ connectionString: 'postgres://app:s3cr3t-pw@db.internal:5432/app', max: 10 });

module.exports = pool;
