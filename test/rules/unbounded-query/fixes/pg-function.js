// fix: Add a limit
const { Pool } = require('pg');

const pool = new Pool();

async function listEvents(type) {
  const { rows } = await pool.query(`
    SELECT id, type, payload
      FROM events
     ORDER BY id`);
  return rows.filter((r) => r.type === type);
}

module.exports = { listEvents };
