import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { hollowTest } from '../../server/src/core/rules/confidence/hollow-test';

const spec = (from: string): string => `import { test } from '@playwright/test';
import { RegisterPage } from '${from}';

test('registers', async ({ page }) => {
  const registerPage = new RegisterPage(page);
  await registerPage.register({ name: 'Ada' });
});
`;

describe('hollow-test and page objects from the tests folder', () => {
  const count = (fileName: string, from: string): number => analyze({ text: spec(from), fileName }, [hollowTest]).findings.length;

  it('trusts a page object that lives among the tests', () => assert.equal(count('apps/web/tests/authentication.spec.ts', './register-page'), 0));
  it('trusts one from a sibling tests folder', () => assert.equal(count('e2e/specs/auth.spec.ts', '../pages/register-page'), 0));
  it('reports a test that only drives the code under test', () => assert.equal(count('apps/web/tests/authentication.spec.ts', '../src/register-page'), 1));
  it('reports it next to the code under test', () => assert.equal(count('src/auth.spec.ts', './register-page'), 1));
  it('reports a fixture app under a test folder driving its own code', () => assert.equal(count('test/apps/shop/specs/auth.spec.ts', '../src/register-page'), 1));
  it('reports a test that only drives a test double', () => assert.equal(count('src/domain/tests/events.spec.ts', './mocks/register-page'), 1));
});
