/**
 * Which files a package's test runners run, from their configs read as data: JSON files and package.json keys
 * parsed as JSON, script configs (`jest.config.js`, `vitest.config.ts`) parsed by the TypeScript parser and read
 * where they are a literal object (`module.exports = {…}`, `export default defineConfig({…})`, a `const` exported
 * by name). A config is never run: a value that is not a literal (a variable, a call) is unknown and adds nothing.
 * The runners, their file names and keys are the catalogue's (test-frameworks.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { type TestRunnerConfig, configWrappers, testRunnerConfigs } from '../catalog/test-frameworks';
import { globToRegExp } from '../glob';
import { parse } from '../parse';
import { dottedName, unwrap } from '../facts/syntax';

/** The test files one config names, relative to `base`. */
export interface TestFileMatcher {
  /** The config file it was read from, for the record. */
  source: string;
  /** The folder globs and folders are relative to (absolute). */
  base: string;
  globs: RegExp[];
  /** `!`-prefixed globs: files they match are not the runner's. */
  excluded: RegExp[];
  /** Jest's `testRegex`, tested against `/` and the path below `base`. */
  regexes: RegExp[];
  /** Folders whose every file is test code (absolute). */
  folders: string[];
}

/** A value read from a config: what JSON could hold, with regular expression literals as their source text. */
type ConfigValue = string | number | boolean | null | ConfigValue[] | { [key: string]: ConfigValue };

/** The matchers of every runner config in `folder` and its package.json; empty when there is none. */
export function testRunnerMatchers(folder: string): TestFileMatcher[] {
  const out: TestFileMatcher[] = [];
  const manifest = readJson(path.join(folder, 'package.json'));
  for (const runner of testRunnerConfigs) {
    for (const name of runner.files) {
      const file = path.join(folder, name);
      const config = readConfig(file);
      if (config !== undefined) out.push(matcherOf(runner, config, folder, file));
    }
    const fromManifest = runner.manifestKey !== undefined && isObject(manifest) ? manifest[runner.manifestKey] : undefined;
    if (isObject(fromManifest)) out.push(matcherOf(runner, fromManifest, folder, path.join(folder, 'package.json')));
  }
  return out.filter((m) => m.globs.length + m.regexes.length + m.folders.length > 0);
}

/** Whether a matcher names `file` (absolute) as a test. */
export function matchesTestFile(matcher: TestFileMatcher, file: string): boolean {
  const relative = path.relative(matcher.base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const slashed = relative.split(path.sep).join('/');
  if (matcher.folders.some((f) => isBelow(f, file))) return true;
  if (matcher.excluded.some((re) => re.test(slashed))) return false;
  // Jest tests its regexes against the whole path; below the base, with the `/` before it, is what they are written for.
  return matcher.globs.some((re) => re.test(slashed)) || matcher.regexes.some((re) => re.test(`/${slashed}`));
}

function isBelow(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function matcherOf(runner: TestRunnerConfig, config: { [key: string]: ConfigValue }, folder: string, source: string): TestFileMatcher {
  const rootDir = runner.rootKey !== undefined ? config[runner.rootKey] : undefined;
  const base = typeof rootDir === 'string' ? path.resolve(folder, rootDir.replace(/^<rootDir>\/?/, '')) : folder;
  const matcher: TestFileMatcher = { source, base, globs: [], excluded: [], regexes: [], folders: [] };
  for (const setting of runner.settings) {
    const value = valueAt(config, setting.key);
    const texts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    for (const text of texts) {
      // A test folder that is the package itself (`testDir: '.'`) says nothing about which of its files are tests.
      if (setting.kind === 'folder') {
        if (isBelow(folder, path.resolve(folder, text))) matcher.folders.push(path.resolve(folder, text));
      }
      else if (setting.kind === 'regexes') addRegex(matcher.regexes, text);
      else addGlob(matcher, text);
    }
  }
  return matcher;
}

/**
 * A glob of test files. Extended globs (`?(x)`, `+(spec|test)`) are not read: they are the runners' defaults,
 * which test-code.ts's names cover, and a misread one would call application code a test.
 */
function addGlob(matcher: TestFileMatcher, text: string): void {
  let glob = text.replace(/^<rootDir>\//, '');
  const negated = glob.startsWith('!');
  if (negated) glob = glob.slice(1);
  glob = glob.replace(/^\.\//, '');
  if (glob === '' || /[?*+@!]\(/.test(glob)) return;
  // A runner's glob is relative to its folder, even without a slash (`*.test.js` is a file at the top).
  const anchored = glob.includes('/') ? glob : `/${glob}`;
  (negated ? matcher.excluded : matcher.globs).push(globToRegExp(anchored, { matchDescendants: false }));
}

function addRegex(out: RegExp[], text: string): void {
  try {
    out.push(new RegExp(text));
  } catch {
    // A pattern JavaScript cannot compile names nothing.
  }
}

function valueAt(config: { [key: string]: ConfigValue }, dotted: string): ConfigValue | undefined {
  let value: ConfigValue | undefined = config;
  for (const key of dotted.split('.')) {
    if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function isObject(value: ConfigValue | undefined): value is { [key: string]: ConfigValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readText(file: string): string | undefined {
  try {
    return fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function readJson(file: string): ConfigValue | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as ConfigValue;
  } catch {
    return undefined;
  }
}

function readConfig(file: string): { [key: string]: ConfigValue } | undefined {
  if (file.endsWith('.json')) {
    const value = readJson(file);
    return isObject(value) ? value : undefined;
  }
  const text = readText(file);
  if (text === undefined) return undefined;
  const exported = exportedObject(parse(text, file));
  return exported && literalObject(exported);
}

/** The object literal a config module exports: `module.exports =`, `export default`, through `defineConfig(…)` or a `const`. */
function exportedObject(sourceFile: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  for (const statement of sourceFile.statements) {
    let value: ts.Expression | undefined;
    if (ts.isExportAssignment(statement)) value = statement.expression;
    else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && dottedName(statement.expression.left) === 'module.exports') {
      value = statement.expression.right;
    }
    if (value) return objectOf(value, sourceFile);
  }
  return undefined;
}

function objectOf(expr: ts.Expression, sourceFile: ts.SourceFile, depth = 0): ts.ObjectLiteralExpression | undefined {
  if (depth > 4) return undefined;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isCallExpression(e) && configWrappers.has(ts.isIdentifier(e.expression) ? e.expression.text : (dottedName(e.expression) ?? '').split('.').pop() ?? '')) {
    // `defineConfig({…})`, `defineConfig(() => ({…}))`, `mergeConfig(base, defineConfig({…}))`: the last literal object wins, as merging does.
    for (const arg of [...e.arguments].reverse()) {
      const inner = ts.isArrowFunction(arg) && !ts.isBlock(arg.body) ? objectOf(arg.body, sourceFile, depth + 1) : objectOf(arg, sourceFile, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  }
  if (ts.isIdentifier(e)) {
    for (const statement of sourceFile.statements) {
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.name.text === e.text && decl.initializer) return objectOf(decl.initializer, sourceFile, depth + 1);
      }
    }
  }
  return undefined;
}

/** The literal parts of an object: properties whose value is not a literal are left out. */
function literalObject(obj: ts.ObjectLiteralExpression): { [key: string]: ConfigValue } {
  const out: { [key: string]: ConfigValue } = {};
  for (const property of obj.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const name = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    const value = name === undefined ? undefined : literalValue(property.initializer);
    if (name !== undefined && value !== undefined) out[name] = value;
  }
  return out;
}

function literalValue(expr: ts.Expression): ConfigValue | undefined {
  const e = unwrap(expr);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isRegularExpressionLiteral(e)) return e.text.slice(1, e.text.lastIndexOf('/'));
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isObjectLiteralExpression(e)) return literalObject(e);
  if (ts.isArrayLiteralExpression(e)) {
    const items = e.elements.map(literalValue);
    // An array with a part that is not a literal is known only in part: its literal items still name test files.
    return items.filter((v): v is ConfigValue => v !== undefined);
  }
  if (ts.isCallExpression(e) && isFolderJoin(e)) return folderJoin(e);
  return undefined;
}

/** `path.join(__dirname, 'e2e')` and `path.resolve(__dirname, './tests')`: a folder below the config's. */
function isFolderJoin(call: ts.CallExpression): boolean {
  const callee = dottedName(call.expression) ?? '';
  const first = call.arguments[0] && unwrap(call.arguments[0]);
  return /(^|\.)(join|resolve)$/.test(callee) && first !== undefined && ts.isIdentifier(first) && first.text === '__dirname';
}

function folderJoin(call: ts.CallExpression): string | undefined {
  const parts = call.arguments.slice(1).map((a) => literalValue(a));
  return parts.every((p): p is string => typeof p === 'string') ? parts.join('/') : undefined;
}
