// expect: none
const { Pool } = require('pg');
const { User, AuditLog } = require('./models');

const pool = new Pool();

// A maintenance script: two unrelated clean-ups, each complete on its own.
async function nightlyCleanup() {
  await pool.query('DELETE FROM sessions WHERE expires_at < now()');
  await pool.query("UPDATE exports SET status = 'expired' WHERE created_at < now() - interval '7 days'");
}

// A single write.
async function rename(userId, name) {
  await pool.query('UPDATE users SET name = $1 WHERE id = $2', [name, userId]);
}

// One write repeated over a list: batching (n-plus-one's business), not a multi-step change.
async function touchAll(ids) {
  for (const id of ids) {
    await pool.query('UPDATE users SET seen_at = now() WHERE id = $1', [id]);
  }
}

// Either branch writes once.
async function upsertUser(existing, data) {
  if (existing) {
    await User.update(data, { where: { id: existing.id } });
  } else {
    await User.create(data);
  }
}

// A failure path records what happened; it is not half of the same change.
async function activate(userId) {
  try {
    await pool.query('UPDATE users SET active = true WHERE id = $1', [userId]);
  } catch (e) {
    await AuditLog.create({ userId, event: 'activate-failed' });
    throw e;
  }
}

// Reads and non-database calls named like writes.
async function report(userId, cache) {
  const { rows } = await pool.query('SELECT * FROM orders WHERE user_id = $1', [userId]);
  cache.set(userId, rows);
  cache.delete(`stale:${userId}`);
  return rows;
}

module.exports = { nightlyCleanup, rename, touchAll, upsertUser, activate, report };
