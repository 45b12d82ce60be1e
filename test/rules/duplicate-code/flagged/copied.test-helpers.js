// Helpers (not a test file by name): copies are reported here too.
function seedUsers(db) {
  const alice = db.users.create({ name: 'alice', email: 'alice@example.com', role: 'admin', active: true });
  const bob = db.users.create({ name: 'bob', email: 'bob@example.com', role: 'member', active: true });
  db.audit.log({ action: 'seed', table: 'users', count: 2, at: new Date('2024-01-01T00:00:00Z') });
  db.cache.invalidate('users');
  db.metrics.increment('seed.users', 2);
  return [alice, bob];
}

function seedTeams(db) {
  const core = db.teams.create({ name: 'core', email: 'core@example.com', role: 'owner', active: true }); // expect: duplicate-code:3
  const web = db.teams.create({ name: 'web', email: 'web@example.com', role: 'member', active: true });
  db.audit.log({ action: 'seed', table: 'teams', count: 2, at: new Date('2024-01-01T00:00:00Z') });
  db.cache.invalidate('teams');
  db.metrics.increment('seed.teams', 2);
  return [core, web];
}

module.exports = { seedUsers, seedTeams };
