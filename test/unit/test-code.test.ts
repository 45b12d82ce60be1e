import * as assert from 'node:assert/strict';
import { isTestCode, isTestPath } from '../../server/src/core/facts/test-code';
import { isSetupScript } from '../../server/src/core/facts/setup-scripts';

describe('test code, as every rule sees it', () => {
  it('knows test folders, test file names and runner set-up files', () => {
    for (const file of [
      'test/app.js',
      'src/__tests__/auth.ts',
      'apps/web/src/testing/mocks/handlers/auth.ts',
      'src/test-utils/render.tsx',
      'fixtures/users.ts',
      'src/__fixtures__/db.ts',
      'src/auth.spec.ts',
      'test/user/auth.e2e-spec.ts',
      'src/setupTests.ts',
      'jest.setup.js',
      'src/test-utils.tsx',
      'test-helpers.ts',
    ]) {
      assert.ok(isTestPath(file), file);
    }
  });

  it('leaves application code alone', () => {
    for (const file of ['src/auth/auth.controller.ts', 'src/contest/entry.ts', 'server/latest.js', 'src/testimonials/list.tsx', 'src/setup.ts']) {
      assert.ok(!isTestPath(file), file);
    }
  });

  it('counts a file that imports a test runner or Testing Library', () => {
    assert.ok(isTestCode('src/auth.ts', ['vitest']));
    assert.ok(isTestCode('src/button.tsx', ['@testing-library/react']));
    assert.ok(!isTestCode('src/auth.ts', ['express']));
  });
});

describe('setup scripts', () => {
  it('are known by folder, name or shebang', () => {
    assert.ok(isSetupScript('scripts/seed-database.ts', ''));
    assert.ok(isSetupScript('db/migrations/001-init.js', ''));
    assert.ok(isSetupScript('setup-local-db.ts', ''));
    assert.ok(isSetupScript('tasks/reset.js', '#!/usr/bin/env node\n'));
    assert.ok(!isSetupScript('src/routes/setup-wizard/index.ts', ''));
    assert.ok(!isSetupScript('src/db.ts', ''));
  });
});
