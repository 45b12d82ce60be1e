import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { summarize } from '../../server/src/core/project/file-summary';
import type { ExportSummary } from '../../server/src/core/project/export-summary';
import { PackageManifests } from '../../server/src/core/project/package-manifests';
import { ProjectIndex } from '../../server/src/core/project/project-index';
import { ProjectRoots } from '../../server/src/core/project/project-roots';
import { factsOf } from '../harness/facts-of';
import { makeProject, removeProjects } from '../harness/vigil-process';

function exportsOf(source: string, fileName = 'lib.js'): Record<string, ExportSummary> {
  return summarize(factsOf(source, fileName)).exports ?? {};
}

/** `parameter→sink@line` for each sink of each export. */
function sinks(source: string): string[] {
  return Object.entries(exportsOf(source)).flatMap(([key, s]) => (s.sinks ?? []).map((x) => `${key} ${x.parameter}→${x.sink}@${x.line}`)).sort();
}

describe('project: data-flow summaries of exported functions', () => {
  const flagged: [string, string, string[]][] = [
    ['SQL built from a parameter', "const db = require('./db');\nexports.find = (id, email) => db.query(`SELECT * FROM u WHERE email = '${email}'`);", ['find 1→sql@2']],
    ['a shell command line, whole', "const { exec } = require('child_process');\nmodule.exports = function run(cmd) { exec(cmd); };", ['default 0→shell@2']],
    ['a file path, whole', "import * as fs from 'fs';\nexport function read(name: string) { return fs.readFileSync(name); }", ['read 0→path@2']],
    ['a Mongo filter', "const User = require('mongoose').model('User');\nexports.byEmail = function (email) { return User.findOne({ email }); };", ['byEmail 0→nosql@2']],
    ['eval', 'export function calc(expr) {\n  return eval(expr);\n}', ['calc 0→code@2']],
    ['a redirect', 'export function back(http, to) {\n  http.redirect(to);\n}', ['back 1→redirect@2']],
    ['a class method', "const db = require('./db');\nexport class Repo {\n  find(name) { return db.query('SELECT * FROM t WHERE n = ' + name); }\n}", ['Repo.find 0→sql@3']],
  ];
  for (const [name, source, expected] of flagged) it(name, () => assert.deepEqual(sinks(source), expected));

  const clean: [string, string][] = [
    ['a parameterised query', "const db = require('./db');\nexports.find = (email) => db.query('SELECT * FROM u WHERE email = $1', [email]);"],
    ['a sanitiser in the callee (path.basename)', "const fs = require('fs');\nconst path = require('path');\nexports.read = (name) => fs.readFileSync(path.join('/srv', path.basename(name)));"],
    ['text cannot carry a Mongo operator', "const User = require('mongoose').model('User');\nexports.byEmail = (email) => User.findOne({ email: String(email) });"],
    ['a request handler is not a helper', "const db = require('./db');\nexports.list = (req, res) => db.query('SELECT * FROM u WHERE n = ' + req.params.n);"],
    ['a function that is not exported', "const { exec } = require('child_process');\nfunction run(cmd) { exec(cmd); }\nmodule.exports = {};"],
    ['a test file', "const { exec } = require('child_process');\nexports.run = (cmd) => exec(cmd);"],
  ];
  for (const [name, source] of clean) {
    it(`nothing for ${name}`, () => assert.deepEqual(Object.values(name === 'a test file' ? summarize(factsOf(source, 'run.test.js')).exports ?? {} : exportsOf(source)).flatMap((s) => s.sinks ?? []), []));
  }

  it('passes a parameter on to another module, for the sink kinds no sanitiser ends', () => {
    const s = exportsOf("const accounts = require('./accounts');\nexports.lookup = (email, page) => accounts.find(email.trim(), Number(page));");
    assert.deepEqual(s.lookup.forwards?.map((f) => `${f.parameter}→${f.specifier} ${f.name}#${f.argument}`), ['0→./accounts find#0']);
    assert.ok(s.lookup.forwards?.[0].kinds.includes('sql'));
  });

  it('returns request data it reads, and its parameters, by sink kind', () => {
    const s = exportsOf("exports.input = (req) => req.body.q;\nexports.clean = (s) => s.replace(/[^a-z0-9/]/gi, '');\nexports.page = (req) => Number(req.query.page);");
    assert.equal(s.input.returns?.request?.source, 'req.body.q');
    assert.ok(s.input.returns?.request?.kinds.includes('shell'));
    const cleaned = s.clean.returns?.parameters?.[0];
    assert.ok(cleaned && cleaned.kinds.includes('path') && !cleaned.kinds.includes('html') && !cleaned.kinds.includes('shell'), 'keeps `/` for a path, nothing for HTML or a shell');
    assert.equal(s.page, undefined);
  });

  it('is plain data that does not move with the text below it', () => {
    const source = "const { exec } = require('child_process');\nexports.run = (cmd) => exec(cmd);";
    assert.equal(JSON.stringify(exportsOf(source)), JSON.stringify(exportsOf(`${source}\n// a comment below\n`)));
  });
});

describe('project: looking an export up through the index', () => {
  after(removeProjects);

  it('follows re-exports, CommonJS default imports and forwards', () => {
    const root = makeProject({
      'package.json': '{ "name": "app" }\n',
      'src/models/accounts.js': "const db = require('../db');\nexports.find = (email) => db.query(`SELECT * FROM a WHERE e = '${email}'`);\n",
      'src/models/index.js': "module.exports = { accounts: require('./accounts') };\n",
      'src/services/index.ts': "export * from './accounts-service';\n",
      'src/services/accounts-service.ts': "import { find } from '../models/accounts';\nexport const lookup = (email: string) => find(email);\n",
      'src/routes/a.js': '',
    });
    const roots = new ProjectRoots();
    roots.setRoots([root]);
    const index = new ProjectIndex(roots, new PackageManifests());
    const project = index.factsFor(path.join(root, 'src/routes/a.js'), true);
    const where = (specifier: string, name: string): string | undefined => {
      const found = project.exportSummary(specifier, name);
      return found && `${path.relative(root, found.file).split(path.sep).join('/')} ${found.name}`;
    };
    assert.equal(where('../models/accounts', 'find'), 'src/models/accounts.js find');
    assert.equal(where('../models/accounts', 'default.find'), 'src/models/accounts.js find', 'a CommonJS module through a default import');
    assert.equal(where('../models', 'accounts.find'), 'src/models/accounts.js find');
    assert.equal(where('../services', 'lookup'), 'src/services/accounts-service.ts lookup');
    assert.equal(where('../services', 'default'), undefined, 'export * passes no default on');
    assert.equal(where('../models/accounts', 'missing'), undefined);
    assert.equal(where('express', 'Router'), undefined);
    assert.deepEqual(index.dependantsOf(path.join(root, 'src/models/accounts.js')).map((f) => path.relative(root, f).split(path.sep).join('/')).sort(), ['src/models/index.js', 'src/services/accounts-service.ts', 'src/services/index.ts']);
  });
});
