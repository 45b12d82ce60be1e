/**
 * Which files are test code: one answer every rule shares, and the precision bench too, so that "quiet in tests"
 * means the same files everywhere. Test code is where dummies, fixtures and unbounded helpers belong; a rule lowers
 * or drops its findings there.
 */

/**
 * Test folders (`test/`, `tests/`, `__tests__/`, `__mocks__/`, `e2e/`, `cypress/`, `fixtures/`, `__fixtures__/`,
 * `test-utils/`, `testing/`), test files (`*.test.*`, `*.spec.*`, `*.e2e.*`, `*.e2e-spec.*`) and the set-up files
 * test runners load before the tests (`setupTests.*`, `jest.setup.*`, `vitest.setup.*`, `test-setup.*`) and test helper
 * modules (`test-utils.*`, `test-helpers.*`).
 */
const testPath =
  /(^|[\\/])(test|tests|__tests__|__mocks__|__fixtures__|fixtures|e2e|cypress|test-utils|testing)[\\/]|\.(test|spec|e2e|e2e-spec)\.[cm]?[jt]sx?$|(^|[\\/])(setupTests|jest\.setup|vitest\.setup|test-setup|test-?utils|test-?helpers?|testUtils|testHelpers?)\.[cm]?[jt]sx?$/;

/** Modules only test code imports: runners, assertion libraries, HTTP test clients. */
const testLibraries = /^(supertest|vitest|@jest\/globals|mocha|chai|ava|tap|node:test|@playwright\/test|light-my-request|@testing-library\/.+|msw|msw\/.+)$/;

/** Whether the path alone says test code. */
export function isTestPath(fileName: string): boolean {
  return testPath.test(fileName);
}

/** Whether a file is test code: its path, or a module only tests import. */
export function isTestCode(fileName: string, importedModules: readonly string[]): boolean {
  return isTestPath(fileName) || importedModules.some((m) => testLibraries.test(m));
}
