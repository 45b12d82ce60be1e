/**
 * What the test runners and assertion libraries Vigil knows call things: Jest, Vitest, Mocha (with Chai,
 * chai-as-promised and sinon-chai), `node:test` with `node:assert`, and the browser drivers whose actions fail
 * the test by themselves. hollow-test reads these tables; it names no library itself.
 */

/** Modules a test's `it`/`test`/`describe` may be imported from; a global one is the runner's too. */
export const testRunnerModules: ReadonlySet<string> = new Set(['vitest', '@jest/globals', 'mocha', 'node:test', 'test', 'bun:test', '@playwright/test']);

/** Functions that declare one test, and the suites around them. */
export const testFunctions: ReadonlySet<string> = new Set(['it', 'test', 'specify']);
export const suiteFunctions: ReadonlySet<string> = new Set(['describe', 'context', 'suite']);

/** Jasmine-style prefixes: `fit` runs alone, `xit` never runs. */
export const focusedAliases: Readonly<Record<string, string>> = { fit: 'it', fdescribe: 'describe', ftest: 'test' };
export const skippedAliases: ReadonlySet<string> = new Set(['xit', 'xtest', 'xspecify', 'xdescribe', 'xcontext']);

/** Modifiers of a test or suite: the one that runs it alone, those that do not run it (or expect it to fail). */
export const focusModifier = 'only';
export const skipModifiers: ReadonlySet<string> = new Set(['skip', 'todo', 'failing', 'fails', 'skipIf', 'runIf']);

/** Calls that declare how many assertions a test makes, so that one never reached fails it. */
export const assertionCounts: ReadonlySet<string> = new Set(['assertions', 'hasAssertions', 'plan']);

/** `expect(…)` and its forms; the value under test is its first argument. */
export const expectFunctions: ReadonlySet<string> = new Set(['expect']);
export const expectForms: ReadonlySet<string> = new Set(['soft', 'poll']);

/** Words of an expect chain that assert nothing by themselves: Chai's language chains and Jest's modifiers. */
export const chainWords: ReadonlySet<string> = new Set([
  'to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still', 'also',
  'not', 'deep', 'nested', 'own', 'ordered', 'any', 'all', 'itself', 'resolves', 'rejects', 'eventually',
]);

/** Chain words that make the assertion asynchronous: it settles later, so it must be awaited or returned. */
export const asyncChainWords: ReadonlySet<string> = new Set(['resolves', 'rejects', 'eventually']);
/** chai-as-promised terminals that are asynchronous on their own. */
export const asyncTerminals: ReadonlySet<string> = new Set(['fulfilled', 'rejected', 'rejectedWith', 'become']);

/** Assertion functions of `node:assert` and Chai's `assert` that return a promise. */
export const asyncAssertFunctions: ReadonlySet<string> = new Set(['rejects', 'doesNotReject', 'isRejected', 'isFulfilled', 'becomes']);

/** Receivers whose methods are assertions: `assert.equal`, `should.exist`; `chai.assert`, `sinon.assert` and `t.assert` end in `.assert`. */
export const assertReceivers: ReadonlySet<string> = new Set(['assert', 'should']);

/**
 * How an assertion helper or matcher is named: `expectValidUser`, `assertRedirect`, `verify`, `checkStatus`; and
 * the waits that fail the test by timing out when what they wait for never happens (`waitFor`, `waitUntil`).
 */
export const assertionName = /^(expect|assert|verify|should|check|ensure|validate|must|waitFor|waitUntil)([A-Z0-9_]|$)|^fail$/;

/**
 * A test whose title says it checks only that nothing throws: running to the end is its assertion. A smoke test
 * that says so ("migrations run successfully from a fresh database") is one: the operation throws when it fails.
 */
export const noThrowTitle = /\b(not|n't|never|without)\s+(throw|throwing|crash|crashing|fail|failing|error|errors|erroring)\b|\b(run|runs|complete|completes|finish|finishes)\s+successfully\b/i;

/** Testing Library queries that throw when nothing matches: an assertion in themselves. */
export const throwingQueries = /^(getBy|getAllBy|findBy|findAllBy)[A-Z]/;

/** Browser drivers whose actions wait for the element and fail the test when it never comes. */
export const driverRoots: ReadonlySet<string> = new Set(['cy', 'page', 'browser', 'driver']);

/** Matchers and their Chai and `node:assert` twins, by what they check. */
export const equalityMatchers: ReadonlySet<string> = new Set([
  'toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eq', 'eql', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'isEqual',
]);
export const inequalityMatchers: ReadonlySet<string> = new Set(['notEqual', 'notStrictEqual', 'notDeepEqual', 'notDeepStrictEqual']);
/** Matchers of one value, by what they accept: `expect(v).toBeTruthy()`, `expect(v).to.be.true`, `assert.ok(v)`. */
export const valueMatchers: Readonly<Record<string, (value: unknown) => boolean>> = {
  toBeTruthy: Boolean, ok: Boolean, isOk: Boolean, assert: Boolean,
  toBeFalsy: (v) => !v, notOk: (v) => !v, isNotOk: (v) => !v,
  true: (v) => v === true, isTrue: (v) => v === true, false: (v) => v === false, isFalse: (v) => v === false,
  toBeDefined: (v) => v !== undefined, isDefined: (v) => v !== undefined, toBeUndefined: (v) => v === undefined, isUndefined: (v) => v === undefined,
  toBeNull: (v) => v === null, isNull: (v) => v === null, exist: (v) => v !== null && v !== undefined,
};

/** Callbacks that run later, after the statements that follow the call. */
export const laterCallbacks: ReadonlySet<string> = new Set(['then', 'catch', 'finally', 'on', 'once', 'end', 'subscribe', 'setTimeout', 'setImmediate', 'nextTick', 'addEventListener']);

/**
 * Where a test runner's config says its tests are, read as data (never run). `files`: the config files a
 * package folder may hold; `manifestKey`: the key of package.json holding the same config. Each setting is a
 * dotted path into the config object and what its value is: globs of test files relative to the config's folder
 * (`rootDir` when the config sets it), regular expressions tested against a file's path, or a folder whose every
 * file is test code (Playwright's `testDir` holds the tests and their page objects and fixtures).
 */
export interface TestRunnerConfig {
  runner: string;
  files: readonly string[];
  manifestKey?: string;
  settings: readonly { key: string; kind: 'globs' | 'regexes' | 'folder' }[];
  /** The key naming the folder that globs are relative to (Jest's `rootDir`). */
  rootKey?: string;
}

const scriptExtensions = ['js', 'cjs', 'mjs', 'ts', 'cts', 'mts'];
const configFiles = (base: string, extensions: readonly string[] = scriptExtensions): string[] => extensions.map((e) => `${base}.${e}`);

export const testRunnerConfigs: readonly TestRunnerConfig[] = [
  {
    runner: 'jest',
    files: [...configFiles('jest.config'), 'jest.config.json'],
    manifestKey: 'jest',
    settings: [{ key: 'testMatch', kind: 'globs' }, { key: 'testRegex', kind: 'regexes' }],
    rootKey: 'rootDir',
  },
  { runner: 'vitest', files: [...configFiles('vitest.config'), ...configFiles('vite.config')], settings: [{ key: 'test.include', kind: 'globs' }] },
  { runner: 'mocha', files: ['.mocharc.json', '.mocharc.js', '.mocharc.cjs'], manifestKey: 'mocha', settings: [{ key: 'spec', kind: 'globs' }] },
  { runner: 'playwright', files: configFiles('playwright.config'), settings: [{ key: 'testDir', kind: 'folder' }] },
  { runner: 'cypress', files: configFiles('cypress.config'), settings: [{ key: 'e2e.specPattern', kind: 'globs' }, { key: 'component.specPattern', kind: 'globs' }] },
];

/** Functions a config object is passed through unchanged (`export default defineConfig({ … })`). */
export const configWrappers: ReadonlySet<string> = new Set(['defineConfig', 'defineProject', 'mergeConfig']);
