/**
 * Incremental analysis: after an edit inside one function body, declaration-scoped rules run again only on the
 * units the edit reaches, and so do the project summary's export summaries and app hand-offs; the result is exactly a
 * fresh full analysis's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { type AnalysisBase, analyze, analyzeIncrementally } from '../../server/src/core/analyze';
import type { Facts } from '../../server/src/core/facts/facts';
import type { ExportSummariesBase } from '../../server/src/core/project/export-summaries';
import { type MountSummary, type SummaryBase, summarizeExports, summarizeExportsReusing, summarizeReusing } from '../../server/src/core/project/file-summary';
import { parse } from '../../server/src/core/parse';
import { rules } from '../../server/src/core/registry';
import type { Rule, RuleContext } from '../../server/src/core/rule';
import { TreeIndex } from '../../server/src/core/traverse';
import { TextChange, changedRegion, planReuse } from '../../server/src/core/incremental/plan';
import { unitsOf } from '../../server/src/core/incremental/units';
import { WordPositions } from '../../server/src/core/incremental/word-positions';
import { Workspace } from '../../server/src/core/workspace';
import { DocumentTrees } from '../../server/src/core/document-trees';
import { checkEditSequences, fixtureFiles } from '../harness/incremental-check';
import { repoRoot } from '../harness/paths';
import { duplicateCode } from '../../server/src/core/rules/maintainability/duplicate-code';

const app = `const express = require('express');
const db = require('./db');
const router = express.Router();

function loadUser(id) {
  return db.query('SELECT * FROM users WHERE id = ' + id);
}

let lastQuery = '';

class Orders {
  async list(req, res) {
    const rows = await db.query('SELECT * FROM orders WHERE owner = ' + req.query.owner);
    res.json(rows);
  }

  async one(req, res) {
    res.json(await db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]));
  }
}

router.get('/users/:id', async (req, res) => {
  res.json(await loadUser(req.params.id));
});

module.exports = { router, Orders };
`;

/** The plan for replacing `from` with `to` (first occurrence) in `text`. */
function planFor(text: string, from: string, to: string): { rerun: string[]; layout: boolean } | undefined {
  const before = parse(text, 'app.js');
  const beforeUnits = unitsOf(before, new TreeIndex(before));
  const after = parse(text.replace(from, to), 'app.js');
  const units = unitsOf(after, new TreeIndex(after));
  const plan = planReuse(new TextChange(text, after.text), beforeUnits, after, units, new WordPositions(after.text));
  return plan && { rerun: [...plan.rerun].sort((a, b) => a - b).map((i) => units[i].node.getText(after).split('\n')[0]), layout: plan.layout };
}

/**
 * How many findings of `ruleId` an analysis of `text` gives, then one of the text with `from` (its first occurrence)
 * replaced by `to`, reparsed as the server reparses it and analysed from the first analysis's base. Checks that the
 * second analysis reused the first and gives what a fresh analysis gives.
 */
function countsAcrossEdit(fileName: string, text: string, ruleId: string, from: string, to: string): [number, number] {
  const count = (findings: readonly { ruleId: string }[]): number => findings.filter((f) => f.ruleId === ruleId).length;
  const first = analyzeIncrementally({ text, fileName }, rules);
  const at = text.indexOf(from);
  const edited = text.slice(0, at) + to + text.slice(at + from.length);
  const tree = ts.updateSourceFile(parse(text, fileName), edited, ts.createTextChangeRange(ts.createTextSpan(at, from.length), to.length));
  const next = analyzeIncrementally({ text: edited, fileName, sourceFile: tree }, rules, first.base);
  assert.equal(next.reused, true, 'an edit inside a function body');
  assert.deepEqual(next.result.findings, analyze({ text: edited, fileName }).findings);
  return [count(first.result.findings), count(next.result.findings)];
}

/** The counts across the edit `from` → `to`, then across the edit back (`to` → `from`), each checked as above. */
function countsEachWay(fileName: string, text: string, ruleId: string, from: string, to: string): [[number, number], [number, number]] {
  return [countsAcrossEdit(fileName, text, ruleId, from, to), countsAcrossEdit(fileName, text.replace(from, to), ruleId, to, from)];
}

/** The name of the function declaration around `node`. */
function enclosingName(node: ts.Node): string {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (ts.isFunctionDeclaration(n) && n.name) return n.name.text;
  return '(top level)';
}

describe('incremental analysis', () => {
  it('finds the changed span from the common prefix and suffix', () => {
    assert.deepEqual(changedRegion('abcdef', 'abXYdef'), { start: 2, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changedRegion('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.equal(changedRegion('same', 'same'), undefined);
    // Texts longer than the chunks compared at once, edited on and around chunk boundaries, in repeated text.
    const long = 'ab'.repeat(2600);
    const naive = (before: string, after: string): { start: number; oldEnd: number; newEnd: number } => {
      let start = 0;
      while (start < Math.min(before.length, after.length) && before[start] === after[start]) start++;
      let tail = 0;
      while (tail < Math.min(before.length, after.length) - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
      return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
    };
    for (const at of [0, 1, 1023, 1024, 1025, 2048, 2600, 4095, 4096, 5199]) {
      for (const [cut, typed] of [[0, 'x'], [1, ''], [0, 'ab'], [3, 'ba'], [2000, '']] as const) {
        const after = long.slice(0, at) + typed + long.slice(at + cut);
        if (after !== long) assert.deepEqual(changedRegion(long, after), naive(long, after), `${at} ${cut} ${typed}`);
      }
    }
  });

  it('re-runs only the method typed in, with its class head', () => {
    const plan = planFor(app, 'res.json(rows);', 'res.json(rows.slice(1));');
    assert.deepEqual(plan?.rerun, ['class Orders {', 'async list(req, res) {']);
  });

  it('re-runs the callers of a function whose body changed, and the function called with new arguments', () => {
    assert.deepEqual(planFor(app, "'SELECT * FROM users WHERE id = ' + id", "'SELECT id FROM users WHERE id = ' + id")?.rerun, [
      'function loadUser(id) {',
      "router.get('/users/:id', async (req, res) => {",
    ]);
    assert.deepEqual(planFor(app, 'loadUser(req.params.id)', 'loadUser(req.body.id)')?.rerun, [
      'function loadUser(id) {',
      "router.get('/users/:id', async (req, res) => {",
    ]);
  });

  it('re-runs the callers of the callers of a function whose body changed, which may follow it through them', () => {
    // A loop calls `withCustomer`, which calls `loadOrder`, which queries: whether the query uses the id decides
    // whether the loop queries per item, two calls up.
    const text = [
      "const express = require('express');",
      "const { Pool } = require('pg');",
      'const db = new Pool();',
      'const app = express();',
      '',
      'async function loadOrder(id) {',
      "  return db.query('SELECT * FROM orders WHERE id = $1', [id]);",
      '}',
      '',
      'async function withCustomer(id) {',
      '  return loadOrder(id);',
      '}',
      '',
      "app.get('/orders', async (req, res) => {",
      '  const out = [];',
      '  for (const id of req.body.ids) out.push(await withCustomer(id));',
      '  res.json(out);',
      '});',
      '',
    ].join('\n');
    assert.deepEqual(planFor(text, '[id]);', '[7]);')?.rerun, ['async function loadOrder(id) {', 'async function withCustomer(id) {', "app.get('/orders', async (req, res) => {"]);
    assert.deepEqual(countsEachWay('orders.js', text, 'n-plus-one-query', '[id]);', '[7]);'), [[1, 0], [0, 1]]);
  });

  it('re-runs the functions the reached units call, whose parameters hold what those pass, two calls down', () => {
    const text = [
      "const express = require('express');",
      "const fs = require('fs');",
      'const app = express();',
      '',
      'function readUpload(path) {',
      '  return fs.readFileSync(path);',
      '}',
      '',
      'function preview(name) {',
      '  return readUpload(name);',
      '}',
      '',
      "app.get('/preview', (req, res) => {",
      '  res.send(preview(req.query.name));',
      '});',
      '',
    ].join('\n');
    assert.deepEqual(countsEachWay('uploads.js', text, 'path-traversal', 'preview(req.query.name)', "preview('cover.png')"), [[1, 0], [0, 1]]);
  });

  it('finds a blocking call in a helper a handler reaches through other methods, whichever handler an edit changed', () => {
    const text = [
      "const express = require('express');",
      "const fs = require('fs');",
      'const router = express.Router();',
      '',
      'class Files {',
      '  list(req, res) {',
      '    res.send(this.listing(req.query.dir));',
      '  }',
      '',
      '  show(req, res) {',
      '    res.send(this.page(req.query.file));',
      '  }',
      '',
      '  listing(dir) {',
      '    return this.read(dir);',
      '  }',
      '',
      '  page(file) {',
      '    return this.read(file);',
      '  }',
      '',
      '  read(p) {',
      "    return fs.readFileSync(p, 'utf8');",
      '  }',
      '}',
      '',
      'const files = new Files();',
      "router.get('/list', (req, res) => files.list(req, res));",
      "router.get('/show', (req, res) => files.show(req, res));",
      'module.exports = router;',
      '',
    ].join('\n');
    // `show` still reaches `read` through `page` when `list` stops calling `listing`; then neither does.
    assert.deepEqual(countsAcrossEdit('files.js', text, 'sync-io-in-handler', 'res.send(this.listing(req.query.dir));', "res.send('');"), [1, 1]);
    const oneHandler = text.replace('res.send(this.listing(req.query.dir));', "res.send('');");
    assert.deepEqual(countsEachWay('files.js', oneHandler, 'sync-io-in-handler', 'res.send(this.page(req.query.file));', "res.send('');"), [[1, 0], [0, 1]]);
  });

  it('re-runs a unit that starts on a line the edit is on, whose fix may write that line\'s indentation', () => {
    const text = 'class Orders {\n  count(a) { return a; } find(options) {\n    return options;\n  }\n}\n';
    assert.deepEqual(planFor(text, 'return a;', 'return a + 1;')?.rerun, ['class Orders {', 'count(a) { return a + 1; }', 'find(options) {']);
    // A line break typed before `find` gives its line a new indentation: the JSDoc its fix writes follows it.
    assert.deepEqual(countsAcrossEdit('orders.ts', `export ${text}`, 'undocumented-export', 'return a; }', 'return a;\n}'), [2, 2]);
  });

  it('re-runs the readers of a let a body assigns', () => {
    const plan = planFor(app, 'res.json(rows);', 'lastQuery = req.query.owner; res.json(rows);');
    assert.deepEqual(plan?.rerun, ['let lastQuery = \'\';', 'class Orders {', 'async list(req, res) {']);
  });

  it('re-runs a method whose call an edit added or removed, as a handler may reach it only through that call', () => {
    const withHelper = app.replace('    res.json(rows);\n  }', '    res.json(rows);\n    this.audit(req);\n  }\n\n  audit(req) {\n    return req.query.owner;\n  }');
    assert.deepEqual(planFor(withHelper, 'this.audit(req);', '')?.rerun, ['class Orders {', 'async list(req, res) {', 'audit(req) {']);
  });

  it('runs a rule on every unit when what it reads of another unit changes, and only on the edited one otherwise', () => {
    const fileName = 'auth.js';
    const text = [
      "const jwt = require('jsonwebtoken');",
      '',
      'function login(req, res) {',
      "  res.json({ token: jwt.sign({ sub: req.body.id }, process.env.JWT_SECRET, { expiresIn: '1h' }) });",
      '}',
      '',
      'function authenticate(req, res, next) {',
      "  const token = req.headers.authorization.split(' ')[1];",
      '  req.user = jwt.decode(token);',
      '  next();',
      '}',
      '',
      'function other(req, res) {',
      '  res.json({ ok: true });',
      '}',
      '',
    ].join('\n');
    // Visits of jwt-unverified's CallExpression listener, by the function around the call.
    const visited: string[] = [];
    const counted = rules.map((rule) =>
      rule.meta.id !== 'jwt-unverified'
        ? rule
        : {
            ...rule,
            create: (context: RuleContext) => {
              const listeners = rule.create(context);
              return { ...listeners, CallExpression: (call: ts.CallExpression) => (visited.push(enclosingName(call)), listeners.CallExpression?.(call)) };
            },
          },
    );
    const first = analyzeIncrementally({ text, fileName }, counted);
    const fixOf = (findings: readonly { ruleId: string; fixes: { edits: { newText: string }[] }[] }[]): string | undefined =>
      findings.find((f) => f.ruleId === 'jwt-unverified')?.fixes[0]?.edits[1]?.newText;
    assert.equal(fixOf(first.result.findings), ', process.env.JWT_SECRET');
    const edit = (from: string, to: string) => {
      const edited = text.replace(from, to);
      const at = text.indexOf(from);
      const tree = ts.updateSourceFile(parse(text, fileName), edited, ts.createTextChangeRange(ts.createTextSpan(at, from.length), to.length));
      visited.length = 0;
      const next = analyzeIncrementally({ text: edited, fileName, sourceFile: tree }, counted, first.base);
      assert.deepEqual(next.result.findings, analyze({ text: edited, fileName }).findings, to);
      return next;
    };
    edit('ok: true', 'ok: trueish');
    assert.deepEqual([...new Set(visited)], ['other'], 'a token typed in another function');
    const renamed = edit('process.env.JWT_SECRET', 'process.env.JWT_KEY');
    assert.deepEqual([...new Set(visited)], ['(top level)', 'login', 'authenticate', 'other'], 'the key another unit signs with');
    assert.equal(fixOf(renamed.result.findings), ', process.env.JWT_KEY');
  });

  it('finds a password stored unhashed in another function once the model\'s save hook stops hashing', () => {
    const text = [
      "const mongoose = require('mongoose');",
      "const bcrypt = require('bcrypt');",
      'const userSchema = new mongoose.Schema({ email: String, password: String });',
      '',
      "userSchema.pre('save', async function () {",
      '  this.password = await bcrypt.hash(this.password, 10);',
      '});',
      '',
      "const User = mongoose.model('User', userSchema);",
      '',
      'async function register(req, res) {',
      '  await User.create({ email: req.body.email, password: req.body.password });',
      '  res.sendStatus(201);',
      '}',
      '',
    ].join('\n');
    // Before: the hook hashes what is saved. After: nothing hashes on save any more.
    assert.deepEqual(countsAcrossEdit('users.js', text, 'plaintext-password', 'bcrypt.hash(', 'bcrypt.stamp('), [0, 1]);
  });

  it('still finds a race on a row read at the top of the file when only the function checking it runs again', () => {
    const text = [
      "import pg from 'pg';",
      'const pool = new pg.Pool();',
      "const { rows } = await pool.query('SELECT * FROM coupons');",
      '',
      'export async function redeem(userId) {',
      '  const coupon = rows[0];',
      "  if (coupon.status !== 'new') throw new Error('already redeemed');",
      "  await pool.query('UPDATE coupons SET status = $1 WHERE id = $2', ['used', coupon.id]);",
      '}',
      '',
    ].join('\n');
    // The read is in a unit that does not run again.
    assert.deepEqual(countsAcrossEdit('coupons.mjs', text, 'race-check-then-act', "['used',", "['usedx',"), [1, 1]);
  });

  it('pairs CORS headers set outside functions in two units when only one of them runs again', () => {
    const text = [
      "const headers = { 'Access-Control-Allow-Credentials': 'true' };",
      'const reply = {',
      "  'Access-Control-Allow-Origin': incoming.headers.origin,",
      '  render() {',
      "    return 'ok';",
      '  },',
      '};',
      'module.exports = { headers, reply };',
      '',
    ].join('\n');
    // The credentials header is in a unit that does not run again.
    assert.deepEqual(countsAcrossEdit('cors.js', text, 'permissive-cors', "'ok'", "'okay'"), [1, 1]);
  });

  it('reports a secret once when two functions sign with it and only one runs again', () => {
    const text = [
      "const jwt = require('jsonwebtoken');",
      "const JWT_SECRET = 'kept-in-the-source';",
      'function issue(user) {',
      '  return jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: 60 });',
      '}',
      'function refresh(user) {',
      '  return jwt.sign({ sub: user.id, refresh: true }, JWT_SECRET, { expiresIn: 3600 });',
      '}',
      'module.exports = { issue, refresh };',
      '',
    ].join('\n');
    // Both functions reach the literal in the constant's unit; the one that does not run again keeps its report.
    assert.deepEqual(countsAcrossEdit('tokens.js', text, 'hardcoded-secret', 'refresh: true', 'refresh: false'), [1, 1]);
    // Once no function uses it, the constant is reported by its name, from the unit that did not run again.
    const unused = text.replace('}, JWT_SECRET, { expiresIn: 60 }', '}, key, { expiresIn: 60 }');
    assert.deepEqual(countsAcrossEdit('tokens.js', unused, 'hardcoded-secret', '}, JWT_SECRET, { expiresIn: 3600 }', '}, key, { expiresIn: 3600 }'), [1, 1]);
  });

  it('indexes a reparsed tree from the previous index, node for node as a fresh index', () => {
    const trees = new DocumentTrees();
    const uri = 'file:///app.js';
    let text = app;
    let tree = trees.treeFor(uri, text, 'app.js');
    let index = trees.indexFor(uri, tree);
    for (const [from, to] of [
      ['res.json(rows);', 'res.json(rows.slice(1));'],
      ['lastQuery', 'lastQuery2'],
      ["require('./db')", "require('./database')"],
      ['};\n', '};\nconst late = 1;\n'],
      // In a method: the class is parsed again, its other members reused.
      ['[req.params.id]', '[req.params.orderId]'],
      ['async one(req, res) {', 'async one(req, res) {\n    this.seen = true;'],
    ] as const) {
      const at = text.indexOf(from);
      text = text.replace(from, to);
      trees.changed(uri, [{ start: at, end: at + from.length, newLength: to.length }]);
      const reparsed = trees.treeFor(uri, text, 'app.js');
      assert.notEqual(reparsed, tree, to);
      tree = reparsed;
      const previous = index;
      index = trees.indexFor(uri, tree);
      // The first tree was parsed before the document was edited, so the first reparse is a full parse.
      if (to !== 'res.json(rows.slice(1));') assert.equal(previous.nodes.length, 0, `the previous index gave its array of nodes to this one: ${to}`);
      const fresh = new TreeIndex(tree);
      assert.deepEqual(index.nodes, fresh.nodes, to);
      assert.deepEqual(index.nodes.map((_, i) => index.endOf(i)), fresh.nodes.map((_, i) => fresh.endOf(i)), to);
      assert.deepEqual([...index.kinds], index.nodes.map((n) => n.kind), to);
    }
    assert.equal(trees.indexFor(uri, tree), index, 'asked again for the same tree');
  });

  it('analyses afresh an edit outside function bodies', () => {
    assert.equal(planFor(app, "require('./db')", "require('./database')"), undefined);
    assert.equal(planFor(app, "router.get('/users/:id'", "router.post('/users/:id'"), undefined);
  });

  it('re-runs only the unit whose layout an edit outside function bodies changed', () => {
    assert.deepEqual(planFor(app, 'module.exports = { router, Orders };', 'module.exports = {\n  router,\n  Orders,\n};')?.rerun, undefined, 'a comma added is not layout');
    assert.deepEqual(planFor(app, 'module.exports = { router, Orders };', 'module.exports = {\n  router, Orders };')?.rerun, ['module.exports = {']);
    // Between two statements: the class's leading trivia, so its head runs again, and with it the users of its name.
    assert.deepEqual(planFor(app, "let lastQuery = '';", "let lastQuery = '';\n")?.rerun, ['class Orders {', 'module.exports = { router, Orders };']);
    // A space on the same line is layout: no unit can tell, and their findings are moved.
    assert.deepEqual(planFor(app, "let lastQuery = '';", "let lastQuery = ''; ")?.rerun, []);
    // A line broken: the units naming `router` run again, and the function the route calls (reach.ts).
    assert.deepEqual(planFor(app, 'const router = express.Router();', 'const router = express\n  .Router();')?.rerun, [
      'const router = express',
      'function loadUser(id) {',
      "router.get('/users/:id', async (req, res) => {",
      'module.exports = { router, Orders };',
    ]);
  });

  it('calls layout only whitespace between tokens, outside comments, on the same lines', () => {
    assert.equal(planFor(app, 'res.json(rows);', 'res.json( rows);')?.layout, true, 'a space between tokens in a body');
    assert.equal(planFor(app, 'class Orders {', 'class  Orders {')?.layout, true, 'a space in a class head');
    assert.equal(planFor(app, 'res.json(rows);', 'res.json(rows); ')?.layout, true, 'a space at the end of a line');
    assert.equal(planFor(app, 'res.json(rows);', 'res.json(rows);\n')?.layout, false, 'a line break moves the lines below');
    assert.equal(planFor(app, "WHERE owner = '", "WHERE  owner = '")?.layout, false, 'a space in a string changes a value');
    const commented = app.replace('res.json(rows);', 'res.json(rows); // the rows');
    const before = parse(commented, 'app.js');
    const after = parse(commented.replace('// the rows', '// the rows '), 'app.js');
    const plan = planReuse(new TextChange(commented, after.text), unitsOf(before, new TreeIndex(before)), after, unitsOf(after, new TreeIndex(after)), new WordPositions(after.text));
    assert.equal(plan?.layout, false, 'a space that lengthens a comment');
  });

  it('moves the findings of a file rule when the unit an edit is in has the shape it had', () => {
    let runs = 0;
    const counted: Rule = { meta: duplicateCode.meta, create: (context) => (runs++, duplicateCode.create(context)) };
    const fileName = 'handlers.js';
    const text = fs.readFileSync(path.join(repoRoot, 'test/rules/duplicate-code/flagged/handlers.js'), 'utf8');
    let base = analyzeIncrementally({ text, fileName }, [counted]).base;
    let current = text;
    const cases: [string, string, boolean][] = [
      // A name and a literal in the second copy, below its first line: the same statement shapes.
      ["found.rowCount > 0) return res.status(409).json({ error: 'contact", "found.rowCount > 0) return res.status(409).json({ error: 'email", false],
      ['const inserted = await', 'const insertedRow = await', false],
      // Another shape: a call where a name was.
      ['res.status(201).json({ id: inserted', 'res.status(201).json({ id: String(inserted)', true],
      // A line break: the lines named in the message move.
      ['const found = await', 'const found =\n    await', true],
      // A statement fewer in the first copy: no six statements in a row are alike any more.
      ["  if (existing.rowCount > 0) return res.status(409).json({ error: 'email is taken' });\n", '', true],
    ];
    for (const [from, to, runsAgain] of cases) {
      const at = current.indexOf(from);
      assert.ok(at >= 0, from);
      const edited = current.slice(0, at) + to + current.slice(at + from.length);
      const tree = ts.updateSourceFile(parse(current, fileName), edited, ts.createTextChangeRange(ts.createTextSpan(at, from.length), to.length));
      const before = runs;
      const next = analyzeIncrementally({ text: edited, fileName, sourceFile: tree }, [counted], base);
      assert.equal(next.reused, true, to);
      assert.equal(runs - before, runsAgain ? 1 : 0, to);
      assert.deepEqual(next.result.findings, analyze({ text: edited, fileName }, [duplicateCode]).findings, to);
      assert.equal(next.result.findings.length, to === '' ? 0 : 1, to);
      base = next.base;
      current = edited;
    }
  });

  it('after a layout edit, runs a unit again only where a finding holds the edit', () => {
    // A rule whose fix copies a whole function: a space typed between its statements is in the fix's text.
    const wrapper: Rule = {
      meta: { id: 'wrap-function', category: 'maintainability', defaultSeverity: 'info', title: 'wrap', description: 'wrap', fixable: 'safe', sources: [], scope: 'declaration' },
      create: (context) => ({
        FunctionDeclaration(fn: ts.FunctionDeclaration) {
          const text = fn.getText(context.sourceFile);
          context.report({ at: fn, message: `${text.length} characters`, fixes: [{ title: 'wrap', safe: true, edits: [{ start: fn.getStart(context.sourceFile), end: fn.end, text: `/* wrapped */ ${text}` }] }] });
        },
      }),
    };
    const fileName = 'two.js';
    const text = 'function one() {\n  a();\n  b();\n}\nfunction two() {\n  c();\n}\n';
    const first = analyzeIncrementally({ text, fileName }, [wrapper]);
    for (const [from, to] of [['a();', 'a(); '], ['c();', 'c(); ']] as const) {
      const edited = text.replace(from, to);
      const at = text.indexOf(from);
      const tree = ts.updateSourceFile(parse(text, fileName), edited, ts.createTextChangeRange(ts.createTextSpan(at, from.length), to.length));
      const next = analyzeIncrementally({ text: edited, fileName, sourceFile: tree }, [wrapper], first.base);
      assert.equal(next.layout, true, to);
      assert.deepEqual(next.result.findings, analyzeIncrementally({ text: edited, fileName }, [wrapper]).result.findings, to);
    }
    assert.deepEqual(planFor(text, 'a();', 'a(); ')?.rerun, [], 'the plan itself runs nothing again');
  });

  it('moves every rule\'s findings after a layout edit, running no unit again', () => {
    const fileName = 'app.js';
    // Two copies of six statements: duplicate-code, a file-scoped rule, reports the second.
    const body = [
      'const a = compute(req.body.a, req.query.a, req.params.a, 1);',
      'const b = await db.query(`SELECT * FROM t WHERE a = $1 AND b = $2`, [a, req.body.b]);',
      'if (!b.rows.length) { return res.status(404).json({ error: "none", a }); }',
      'const c = b.rows.map((row) => ({ id: row.id, name: row.name.trim(), a }));',
      'log.info("found", { a, count: c.length, user: req.user && req.user.id });',
      'res.json({ a, c, total: c.reduce((n, row) => n + row.id, 0) });',
    ];
    const text = `${app}\nasync function one(req, res) {\n  ${body.join('\n  ')}\n}\n\nasync function two(req, res) {\n  ${body.join('\n  ')}\n}\n`;
    // duplicate-code, counted: after a layout edit it is not run again.
    let runs = 0;
    const counted = rules.map((rule) => (rule.meta.id === 'duplicate-code' ? { ...rule, create: (context: RuleContext) => (runs++, rule.create(context)) } : rule));
    const first = analyzeIncrementally({ text, fileName }, counted);
    assert.ok(first.result.findings.some((f) => f.ruleId === 'duplicate-code'));
    for (const [from, to] of [['res.json(rows);', 'res.json( rows);'], ['async function two(req, res) {', 'async function two(req, res) { ']] as const) {
      const edited = text.replace(from, to);
      const at = text.indexOf(from);
      const tree = ts.updateSourceFile(parse(text, fileName), edited, ts.createTextChangeRange(ts.createTextSpan(at, from.length), to.length));
      const next = analyzeIncrementally({ text: edited, fileName, sourceFile: tree }, counted, first.base);
      assert.equal(next.layout, true, to);
      assert.equal(runs, 1, to);
      assert.deepEqual(next.result.findings, analyze({ text: edited, fileName }).findings, to);
    }
  });

  it('runs again the units that may quote an expression a space was typed into', () => {
    // Found by the random edit sequences: the finding in the second unit quotes the call in the first.
    const fileName = 'plugin.js';
    const before = "const plugin = localStorage.getItem('plugin');\neval(plugin);\n";
    const after = before.replace('getItem(', 'getItem (');
    const first = analyzeIncrementally({ text: before, fileName }, rules);
    assert.match(first.result.findings.find((f) => f.ruleId === 'code-injection')?.message ?? '', /`localStorage\.getItem\('plugin'\)`/);
    const at = before.indexOf('(');
    const tree = ts.updateSourceFile(parse(before, fileName), after, ts.createTextChangeRange(ts.createTextSpan(at, 0), 1));
    const next = analyzeIncrementally({ text: after, fileName, sourceFile: tree }, rules, first.base);
    assert.equal(next.layout, true);
    assert.deepEqual(next.result.findings, analyze({ text: after, fileName }).findings);
    // Inside the expression, not between statements: the user of the name declared runs again.
    assert.deepEqual(planFor(before, 'getItem(', 'getItem (')?.rerun, ["const plugin = localStorage.getItem ('plugin');", 'eval(plugin);']);
    assert.deepEqual(planFor(before, 'const plugin', 'const  plugin')?.rerun, []);
  });

  it('analyses afresh whitespace that changes a value or a token outside function bodies', () => {
    assert.equal(planFor(app, "require('./db')", "require('./ db')"), undefined);
    assert.equal(planFor(app, 'const router', 'const rou ter'), undefined);
    assert.equal(planFor(app, "module.exports = {", "module.exports = {\n/* x */"), undefined);
  });

  it('ends on an edit that leaves the parser a missing, empty name to look for', () => {
    // Found by the random edit sequences: `const res =   headers: {…}` makes an identifier of no text.
    const fileName = 'bearer.js';
    const before = "// fix: Read from environment\nconst res =   headers: { Authorization: 'Bearer x' },\nawait fetch('https://crm.example.com', {\n  headers: { Authorization: 'Bearer x' },\n});\n";
    const after = before.replace('Read from env', 'Re');
    const first = analyzeIncrementally({ text: before, fileName }, rules);
    const at = before.indexOf('ad from env');
    const tree = ts.updateSourceFile(parse(before, fileName), after, ts.createTextChangeRange(ts.createTextSpan(at, 'ad from env'.length), 0));
    const next = analyzeIncrementally({ text: after, fileName, sourceFile: tree }, rules, first.base);
    assert.deepEqual(next.result.findings, analyze({ text: after, fileName }).findings);
  });

  it('moves the findings after the edit and keeps suppressions current', () => {
    const fileName = 'app.js';
    const first = analyzeIncrementally({ text: app, fileName }, rules);
    assert.ok(first.base);
    const edited = app.replace('return db.query(', '// a comment\n  return db.query(');
    const tree = ts.updateSourceFile(parse(app, fileName), edited, ts.createTextChangeRange(ts.createTextSpan(app.indexOf('return db.query('), 0), '// a comment\n  '.length));
    const next = analyzeIncrementally({ text: edited, fileName, sourceFile: tree }, rules, first.base);
    assert.equal(next.reused, true);
    assert.deepEqual(next.result.findings, analyze({ text: edited, fileName }).findings);
    assert.ok(next.result.findings.some((f) => f.ruleId === 'sql-injection' && f.range.start.line === 13), 'the method below the edit moved down a line');

    const ignored = edited.replace("    const rows = await db.query('SELECT * FROM orders WHERE owner", "    // vigil-ignore-next-line sql-injection\n    const rows = await db.query('SELECT * FROM orders WHERE owner");
    const again = analyzeIncrementally({ text: ignored, fileName }, rules, next.base);
    assert.deepEqual(again.result.findings, analyze({ text: ignored, fileName }).findings);
  });

  it('gives the Workspace the findings a fresh analysis gives, edit after edit', () => {
    const workspace = new Workspace();
    const uri = '/project/app.js';
    workspace.open({ uri, fileName: uri, version: 1, text: app });
    workspace.analyze(uri);
    let text = app;
    for (const [version, from, to] of [[2, 'res.json(rows);', 'res.json(rows.slice(1));'], [3, 'res.json(rows.slice(1));', 'res.json(rows); loadUser(req.query.id);'], [4, 'id = $1', "id = ' + req.params.id + '"]] as const) {
      const at = text.indexOf(from);
      text = text.replace(from, to);
      workspace.update(uri, version, text, [{ start: at, end: at + from.length, newLength: to.length }]);
      assert.deepEqual(workspace.analyze(uri)?.result.findings, new Workspace().analyzeText(uri, text).findings, `version ${version}`);
    }
  });

  it('makes the exports summary again only for the exports an edit reached, as a fresh summary', () => {
    const fileName = 'users.js';
    const text = [
      "const db = require('./db');",
      '',
      'function byId(id) {',
      "  return db.query('SELECT * FROM users WHERE id = ' + id);",
      '}',
      '',
      'exports.find = function (id) {',
      '  return byId(id);',
      '};',
      '',
      'exports.search = function (term) {',
      "  return db.query('SELECT * FROM users WHERE name LIKE ' + term);",
      '};',
      '',
    ].join('\n');
    const summarised = (source: string, previous?: { text: string; base: AnalysisBase | undefined; exports: ExportSummariesBase | undefined }) => {
      let facts: Facts | undefined;
      const at = previous ? changedRegion(previous.text, source) : undefined;
      const tree = previous && at ? ts.updateSourceFile(parse(previous.text, fileName), source, ts.createTextChangeRange(ts.createTextSpan(at.start, at.oldEnd - at.start), at.newEnd - at.start)) : undefined;
      const analysis = analyzeIncrementally({ text: source, fileName, ...(tree ? { sourceFile: tree } : {}), onFacts: (f) => (facts = f) }, rules, previous?.base);
      assert.ok(facts);
      const { summary, base } = summarizeExportsReusing(facts, previous?.exports, analysis.changed);
      let fresh: Facts | undefined;
      analyze({ text: source, fileName, onFacts: (f) => (fresh = f) });
      assert.ok(fresh);
      assert.deepEqual(summary, summarizeExports(fresh));
      return { text: source, base: analysis.base, exports: base, summary, changed: analysis.changed };
    };
    const first = summarised(text);
    assert.deepEqual(Object.keys(first.summary.exports ?? {}), ['find', 'search']);
    // In `search`: `find` keeps its summary, the same object.
    const inSearch = summarised(text.replace('LIKE \' + term', 'LIKE \' + terms'), first);
    assert.ok(inSearch.changed);
    assert.equal(inSearch.summary.exports?.find, first.summary.exports?.find);
    assert.equal(inSearch.summary.exports?.search, undefined, 'no parameter reaches the query any more');
    // In the helper `find` calls: `find` is summarised again, `search` kept.
    const inHelper = summarised(text.replace("' + id);", "' + Number(id));"), first);
    assert.ok(inHelper.changed);
    assert.equal(inHelper.summary.exports?.search, first.summary.exports?.search);
    assert.notDeepEqual(inHelper.summary.exports?.find, first.summary.exports?.find, 'the helper no longer passes the parameter to SQL text');
  });

  it('finds app hand-offs again only in the units an edit reached, or everywhere when the mounted names change', () => {
    const fileName = '/project/server.js';
    const text = [
      "const users = require('./routes/users');",
      "const admin = require('./routes/admin');",
      '',
      'function setup(app) {',
      '  app.use(limiter);',
      '}',
      '',
      'function start(port) {',
      '  return port + 1;',
      '}',
      '',
      'users(app);',
      'admin(app, db);',
      '',
    ].join('\n');
    const summarised = (source: string, previous?: { text: string; tree: ts.SourceFile; base: AnalysisBase | undefined; summary: SummaryBase }) => {
      let facts: Facts | undefined;
      const at = previous ? changedRegion(previous.text, source) : undefined;
      const tree = previous && at ? ts.updateSourceFile(previous.tree, source, ts.createTextChangeRange(ts.createTextSpan(at.start, at.oldEnd - at.start), at.newEnd - at.start)) : parse(source, fileName);
      const analysis = analyzeIncrementally({ text: source, fileName, sourceFile: tree, onFacts: (f) => (facts = f) }, rules, previous?.base);
      assert.ok(facts);
      const made = summarizeReusing(facts, previous?.summary, analysis.changed, undefined);
      let fresh: Facts | undefined;
      analyze({ text: source, fileName, onFacts: (f) => (fresh = f) });
      assert.ok(fresh);
      assert.deepEqual(made.summary, summarizeReusing(fresh, undefined, undefined, undefined).summary);
      const handoffs = (statement: number): readonly unknown[] | undefined => made.base.handoffs?.get(tree.statements[statement]);
      return { text: source, tree, base: analysis.base, summary: made.base, mounts: made.summary.mounts, changed: analysis.changed, handoffs };
    };
    const modules = (mounts: readonly MountSummary[]): string[][] => mounts.map((m) => m.modules);
    const first = summarised(text);
    assert.deepEqual(modules(first.mounts), [[], ['./routes/users'], ['./routes/admin']]);
    // In `start`: the calls at the end are not searched again; what they found is the same object. (A tree is
    // reparsed once, so each edit starts from the one before.)
    const inStart = summarised(text.replace('port + 1', 'port + 2'), first);
    assert.ok(inStart.changed);
    assert.equal(inStart.handoffs(4), first.handoffs(4));
    assert.equal(inStart.handoffs(5), first.handoffs(5));
    // In `setup`: `app` is no longer mounted on, so no call hands it on, though neither call's text changed. The
    // file-wide facts changed: nothing is kept.
    const inSetup = summarised(inStart.text.replace('app.use(limiter)', 'other.use(limiter)'), inStart);
    assert.equal(inSetup.changed, undefined);
    assert.deepEqual(modules(inSetup.mounts), [[]]);
    assert.notEqual(inSetup.handoffs(4), inStart.handoffs(4));
  });

  it('equals a fresh full analysis over random edit sequences on the rule fixtures and examples', function () {
    this.timeout(300_000);
    const outcome = checkEditSequences({ files: fixtureFiles(), seed: 1, sequences: 40, edits: 6 });
    assert.deepEqual(outcome.mismatches, []);
    assert.ok(outcome.reusing > outcome.analyses / 3, `${outcome.reusing} of ${outcome.analyses} analyses reused findings`);
    assert.ok(outcome.summariesReused > outcome.analyses / 5, `${outcome.summariesReused} of ${outcome.analyses} analyses reused export summaries`);
  });

  it('equals a fresh full analysis over random token edits inside function bodies', function () {
    this.timeout(300_000);
    const outcome = checkEditSequences({ files: fixtureFiles(), seed: 2, sequences: 40, edits: 6, tokensOnly: true });
    assert.deepEqual(outcome.mismatches, []);
    assert.ok(outcome.reusing > outcome.analyses / 2, `${outcome.reusing} of ${outcome.analyses} analyses reused findings`);
    assert.ok(outcome.summariesReused > outcome.analyses / 3, `${outcome.summariesReused} of ${outcome.analyses} analyses reused export summaries`);
  });
});
