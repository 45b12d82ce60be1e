import * as assert from 'node:assert/strict';
import { summarize } from '../../server/src/core/project/file-summary';
import { factsOf } from '../harness/facts-of';

function wrapsOf(source: string): Record<string, number | undefined> {
  return Object.fromEntries(Object.entries(summarize(factsOf(source, 'wrap.js')).exports ?? {}).map(([key, s]) => [key, s.wraps]));
}

describe('project: handler wrappers written in the project, by shape', () => {
  const wrappers: [string, string, Record<string, number>][] = [
    ['catchAsync, an arrow returning an arrow', 'const catchAsync = (fn) => (req, res, next) => fn(req, res, next).catch(next);\nmodule.exports = catchAsync;', { default: 0 }],
    ['wrap, a try/catch handing the error to next', 'exports.wrap = function (fn) {\n  return async (req, res, next) => {\n    try { await fn(req, res, next); } catch (e) { next(e); }\n  };\n};', { wrap: 0 }],
    ['other parameter names, with next handed on', 'export function guard(name, handler) {\n  return (a, b, c) => Promise.resolve(handler(a, b, c)).catch(c);\n}', { guard: 1 }],
  ];
  for (const [name, source, expected] of wrappers) it(name, () => assert.deepEqual(wrapsOf(source), expected));

  const notWrappers: [string, string][] = [
    ['a memoiser calling its function with its own arguments', 'module.exports = (fn) => (key, options) => fn(key, options);'],
    ['a wrapper that drops the request', 'module.exports = (fn) => (req, res, next) => fn(res, req);'],
    ['a function returning a handler that calls no parameter', 'exports.ok = (message) => (req, res) => res.send(message);'],
  ];
  for (const [name, source] of notWrappers) it(`not ${name}`, () => assert.deepEqual(Object.values(wrapsOf(source)).filter((w) => w !== undefined), []));
});

describe('project: functions attached to an exported value', () => {
  const keys = (source: string): string[] => Object.keys(summarize(factsOf(source, 'model.js')).exports ?? {}).sort();
  const model = "const sql = require('./db');\nconst Tutorial = function (t) { this.title = t.title; };\nTutorial.find = (title) => sql.query(`SELECT * FROM t WHERE title = '${title}'`);\n";

  it('are keyed as members of the CommonJS module itself', () => assert.deepEqual(keys(`${model}module.exports = Tutorial;`), ['find']));
  it('are keyed under default for export default', () => assert.deepEqual(keys(`${model}export default Tutorial;`), ['default.find']));
  it('are keyed under the export name for a named export', () => assert.deepEqual(keys(`${model}module.exports = { Tutorial };`), ['Tutorial.find']));
  it('are not exports when the value is not exported', () => assert.deepEqual(keys(`${model}module.exports = {};`), []));
  it('carry their sinks', () => {
    const s = summarize(factsOf(`${model}module.exports = Tutorial;`, 'model.js')).exports?.find;
    assert.deepEqual(s?.sinks?.map((x) => `${x.parameter}→${x.sink}@${x.line}`), ['0→sql@3']);
  });
});

describe("project: an exported function's summary through the file's own helpers", () => {
  it('has the sinks and the calls passed on of a helper it calls', () => {
    const source = [
      "const db = require('./db');",
      "function direct(name) { return db.query('SELECT * FROM t WHERE n = ' + name); }",
      'function lookup(email) { return db.findByEmail(email.trim()); }',
      'exports.byName = (n) => direct(n);',
      'exports.byEmail = (e) => lookup(e);',
    ].join('\n');
    const s = summarize(factsOf(source, 'service.js')).exports ?? {};
    assert.deepEqual(s.byName?.sinks?.map((x) => `${x.parameter}→${x.sink}@${x.line}`), ['0→sql@2']);
    assert.deepEqual(s.byEmail?.forwards?.map((f) => `${f.parameter}→${f.specifier} ${f.name}#${f.argument}@${f.line}`), ['0→./db findByEmail#0@3']);
  });
});
