// expect: none
import { test } from 'node:test';
import { migrate } from '../src/db.js';

// A smoke test that says what it checks: the migrations throw when they fail.
test('migrations run successfully from a fresh database', async () => {
  await migrate({ fresh: true });
});
