// fix: Add a limit
const { Pool } = require('pg');

const pool = new Pool();

async function listEvents(type, pageSize = 100) {
  const { rows } = await pool.query(`
    SELECT id, type, payload
      FROM events
     ORDER BY id
     LIMIT $1`, [pageSize]);
  return rows.filter((r) => r.type === type);
}

module.exports = { listEvents };
