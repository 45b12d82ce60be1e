const { Pool } = require('pg');

// The connection string carries a password: it belongs in the environment.
const pool = new Pool({
  connectionString: 'postgres://app:s3cr3t-Passw0rd@db.internal:5432/app', // expect: hardcoded-secret:21
});

// The look-alike: the same pool, configured from the environment.
const replica = new Pool({ connectionString: process.env.REPLICA_DATABASE_URL });

module.exports = { pool, replica };
