/**
 * The project index holds every file's graph summary from the start and makes the exports part (what an export
 * does) when an analysis first asks; a scan of an app of its own inside a larger repository indexes that app alone.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ownProjectOf } from '../../server/src/core/project/own-project';
import { PackageManifests } from '../../server/src/core/project/package-manifests';
import { ProjectIndex } from '../../server/src/core/project/project-index';
import { ProjectRoots } from '../../server/src/core/project/project-roots';
import { Workspace } from '../../server/src/core/workspace';
import { makeProject, removeProjects } from '../harness/vigil-process';

const unsafe = "const db = require('./db');\nexports.find = (email) => db.query(`SELECT * FROM a WHERE e = '${email}'`);\n";
const safe = "const db = require('./db');\nexports.find = (email) => db.query('SELECT * FROM a WHERE e = $1', [email]);\n";

function daoProject(): string {
  return makeProject({
    'package.json': '{ "name": "app" }\n',
    'db.js': "const { Pool } = require('pg');\nmodule.exports = new Pool();\n",
    'accounts.js': unsafe,
    'route.js': "const accounts = require('./accounts');\nmodule.exports = (req) => accounts.find(req.body.email);\n",
  });
}

function indexed(root: string): ProjectIndex {
  const roots = new ProjectRoots();
  roots.setRoots([root]);
  const index = new ProjectIndex(roots, new PackageManifests());
  index.ensure(path.join(root, 'route.js'));
  return index;
}

const sinksOf = (index: ProjectIndex, root: string): string[] =>
  (index.factsFor(path.join(root, 'route.js'), false).exportSummary('./accounts', 'find')?.summary.sinks ?? []).map((s) => `${s.parameter} ${s.sink}`);

describe('project index: the exports part of a summary, made when asked', () => {
  after(removeProjects);

  it('answers what an export does the first time it is asked, from the text it indexed', () => {
    const root = daoProject();
    const index = indexed(root);
    const walked = index.estimatedBytes();
    assert.deepEqual(sinksOf(index, root), ['0 sql']);
    assert.ok(index.estimatedBytes() > walked, 'the exports part is made by the question, not by the walk');
    assert.deepEqual(sinksOf(index, root), ['0 sql']);
  });

  it('tells a change of what an export does to the dependants only once an analysis has asked about it', () => {
    const root = daoProject();
    const neverAsked = indexed(root);
    const asked = indexed(root);
    sinksOf(asked, root);
    fs.writeFileSync(path.join(root, 'accounts.js'), safe);
    assert.equal(neverAsked.changedOnDisk(path.join(root, 'accounts.js')), false);
    assert.equal(asked.changedOnDisk(path.join(root, 'accounts.js')), true);
    assert.deepEqual(sinksOf(asked, root), []);
    assert.deepEqual(sinksOf(neverAsked, root), []);
  });

  it('knows nothing of a file whose text on disk is no longer the one indexed, until it is told', () => {
    const root = daoProject();
    const index = indexed(root);
    fs.writeFileSync(path.join(root, 'accounts.js'), `${unsafe}// edited\n`);
    assert.deepEqual(sinksOf(index, root), []);
    index.changedOnDisk(path.join(root, 'accounts.js'));
    assert.deepEqual(sinksOf(index, root), ['0 sql']);
  });
});

describe('project index: what an export is, apart from what it does', () => {
  after(removeProjects);

  const modelProject = (): string =>
    makeProject({
      'package.json': '{ "name": "app" }\n',
      'db.js': "const { Pool } = require('pg');\nmodule.exports = new Pool();\n",
      'format.js': "exports.money = (n) => n.toFixed(2);\n",
      'users.js': "const db = require('./db');\nexports.all = (limit) => db.query('SELECT * FROM users LIMIT ' + limit);\n",
      'route.js': "const db = require('./db');\nconst format = require('./format');\nconst users = require('./users');\nmodule.exports = (req) => db.query(`SELECT * FROM t WHERE id = ${req.query.id}`);\n",
    });

  it('answers whether an export is a database handle without making what the module does', () => {
    const root = modelProject();
    const index = indexed(root);
    const facts = index.factsFor(path.join(root, 'route.js'), false);
    assert.equal(facts.exportHandle('./db', '')?.summary.handle?.kind, 'library');
    assert.equal(facts.exportHandle('./users', 'all')?.summary.sinks, undefined, 'the values part holds no data flow');
    assert.deepEqual(facts.exportSummary('./users', 'all')?.summary.sinks?.map((s) => s.sink), ['sql']);
  });

  it('knows without a summary that a module reaching no database library exports no handle', () => {
    const root = modelProject();
    const facts = indexed(root).factsFor(path.join(root, 'route.js'), false);
    assert.equal(facts.mayExportHandle('./format'), false);
    assert.equal(facts.mayExportHandle('./db'), true);
    assert.equal(facts.mayExportHandle('./users'), true, 'it imports ./db, which imports pg');
  });

  it('orders a scan so that a file is analysed before the files that import it', () => {
    const root = modelProject();
    const files = ['route.js', 'users.js', 'format.js', 'db.js'].map((f) => path.join(root, f));
    const order = new Workspace({ roots: [root] }).analysisOrder(files).map((i) => path.basename(files[i]));
    assert.deepEqual([...order].sort(), ['db.js', 'format.js', 'route.js', 'users.js']);
    assert.ok(order.indexOf('db.js') < order.indexOf('users.js') && order.indexOf('users.js') < order.indexOf('route.js'), order.join(' '));
    assert.ok(order.indexOf('format.js') < order.indexOf('route.js'), order.join(' '));
  });

  it('tells the importers when a module asked only whether it exports a handle stops exporting one', () => {
    const root = modelProject();
    const index = indexed(root);
    const route = path.join(root, 'route.js');
    assert.equal(index.factsFor(route, false).exportHandle('./db', '')?.summary.handle?.kind, 'library');
    fs.writeFileSync(path.join(root, 'format.js'), "exports.money = (n) => n.toFixed(3);\n");
    assert.equal(index.changedOnDisk(path.join(root, 'format.js')), false, 'a file nobody asked about changes nothing');
    // The same imports (the graph part does not change): only the values part tells.
    fs.writeFileSync(path.join(root, 'db.js'), "const { Pool } = require('pg');\nmodule.exports = { Pool };\n");
    assert.equal(index.changedOnDisk(path.join(root, 'db.js')), true);
    assert.equal(index.factsFor(route, false).exportHandle('./db', '')?.summary.handle, undefined);
  });

  it('summarises an imported call for missing-transaction only when it shares data with another step', () => {
    const root = makeProject({
      'package.json': '{ "name": "app" }\n',
      'db.js': "const { Pool } = require('pg');\nmodule.exports = new Pool();\n",
      'inventory.js': "const db = require('./db');\nexports.reserve = (items) => db.query('UPDATE stock SET n = n - 1 WHERE id = $1', [items[0]]);\n",
      'audit.js': "const db = require('./db');\nexports.record = (text) => db.query('INSERT INTO audit (text) VALUES ($1)', [text]);\n",
      'orders.js':
        "const db = require('./db');\nconst inventory = require('./inventory');\nconst audit = require('./audit');\n" +
        "exports.place = async (order) => {\n  await db.query('INSERT INTO orders (id) VALUES ($1)', [order.id]);\n" +
        "  await inventory.reserve(order.items);\n  await audit.record('an order');\n};\n",
    });
    const orders = path.join(root, 'orders.js');
    const workspace = new Workspace({ roots: [root], sharesMadeExports: true });
    const findings = workspace.analyzeText(orders, fs.readFileSync(orders, 'utf8')).findings.filter((f) => f.ruleId === 'missing-transaction');
    assert.equal(findings.length, 1, 'the insert and inventory.reserve change the same order');
    const summarised = workspace.takeMadeExports().filter((m) => m.part === 'all').flatMap((m) => Object.keys(m.summary.exports ?? {}));
    assert.ok(summarised.includes('reserve'), summarised.join(' '));
    assert.ok(!summarised.includes('record'), `audit.record shares nothing with the other steps: ${summarised.join(' ')}`);
  });

  it('passes what one workspace made of exports to another that indexed the same texts', () => {
    const root = modelProject();
    const route = path.join(root, 'route.js');
    const maker = new Workspace({ roots: [root], sharesMadeExports: true });
    const taker = new Workspace({ roots: [root] });
    // The fix of the SQL is pg's own only when db.js is known to export a pg Pool.
    const described = (w: Workspace): string[] => w.analyzeText(route, fs.readFileSync(route, 'utf8')).findings.map((f) => `${f.ruleId}: ${f.fixes.map((x) => x.title).join(', ')}`);
    const before = described(maker);
    assert.ok(before.includes('sql-injection: Parameterize query'), before.join(' '));
    taker.analysisOrder([route]);
    const made = maker.takeMadeExports();
    assert.ok(made.some((m) => m.part === 'values'), 'the handle lookup of ./db was made and shared');
    assert.deepEqual(maker.takeMadeExports(), [], 'each part is handed over once');
    // The taker's text of db.js on disk changes after it indexed it: only what it adopted can tell it db is a pool.
    fs.writeFileSync(path.join(root, 'db.js'), "module.exports = {};\n");
    taker.adoptMadeExports(made);
    assert.deepEqual(described(taker), before);
  });
});

describe('project index: an app of its own inside a larger repository', () => {
  after(removeProjects);

  const repository = (): string =>
    makeProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'package.json': '{ "name": "tool" }\n',
      'src/tool.js': 'module.exports = 1;\n',
      'examples/app/package.json': '{ "name": "example" }\n',
      'examples/app/src/server.js': "const accounts = require('./accounts');\nmodule.exports = (req) => accounts.find(req.body.email);\n",
      'examples/app/src/accounts.js': unsafe,
      'examples/app/src/db.js': "const { Pool } = require('pg');\nmodule.exports = new Pool();\n",
      'monorepo/package.json': '{ "name": "mono", "workspaces": ["packages/*"] }\n',
      'monorepo/packages/api/package.json': '{ "name": "api" }\n',
      'monorepo/packages/api/index.js': 'module.exports = 1;\n',
    });

  it('is the nearest folder with a package.json below the repository root, unless a monorepo holds it', () => {
    const root = repository();
    const roots = new ProjectRoots();
    const own = (p: string): string | undefined => {
      const found = ownProjectOf(path.join(root, p), roots);
      return found && path.relative(root, found).split(path.sep).join('/');
    };
    assert.equal(own('examples/app'), 'examples/app');
    assert.equal(own('examples/app/src'), 'examples/app');
    assert.equal(own('examples/app/src/server.js'), 'examples/app');
    assert.equal(own('.'), undefined, 'the repository itself');
    assert.equal(own('src'), undefined, "the repository's own package");
    assert.equal(own('monorepo/packages/api'), undefined, "a monorepo's package imports its siblings by name");
  });

  it('is indexed alone when a scan names it, and its files still see one another', () => {
    const root = repository();
    const server = path.join(root, 'examples/app/src/server.js');
    const text = fs.readFileSync(server, 'utf8');
    const scoped = new Workspace({ fallbackRoot: root, scannedPaths: [path.join(root, 'examples/app')] });
    const whole = new Workspace({ fallbackRoot: root });
    const sql = (w: Workspace): string[] => w.analyzeText(server, text).findings.filter((f) => f.ruleId === 'sql-injection').map((f) => `${f.range.start.line}`);
    assert.deepEqual(sql(scoped), sql(whole));
    assert.equal(sql(scoped).length, 1);
    assert.deepEqual(scoped.indexedProjects().map((p) => [path.relative(root, p.root).split(path.sep).join('/'), p.files]), [['examples/app', 3]]);
    assert.deepEqual(whole.indexedProjects().map((p) => [p.root, p.files]), [[root, 5]]);
  });
});
