/**
 * The core's Workspace entry, as the server, the CLI and agents use it: config resolved per file, open documents
 * analysed incrementally and cached by version, fix-all as one edit, the review checklist of a range.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/core/fix';
import { editedDocumentsKept } from '../../server/src/core/document-trees';
import { Workspace, summariseFile } from '../../server/src/core/workspace';
import { repoRoot } from '../harness/paths';

const unsafeJwt = "const jwt = require('jsonwebtoken');\nfunction issue(user) {\n  return jwt.sign({ sub: user.id }, process.env.SECRET);\n}\n";
const made: string[] = [];

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-workspace-')));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const severities = (workspace: Workspace, file: string) =>
  workspace.analyzeText(file, unsafeJwt).findings.filter((f) => f.ruleId === 'jwt-missing-expiry').map((f) => f.severity);

describe('Workspace', () => {
  after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  describe('configuration per file', () => {
    it('reads the nearest vigil.config.json or package.json#vigil walking up from the file', () => {
      const dir = tree({
        'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "info" } }',
        'packages/api/package.json': '{ "name": "api", "vigil": { "rules": { "jwt-missing-expiry": "error" } } }',
        'packages/web/package.json': '{ "name": "web" }',
      });
      const workspace = new Workspace();
      const api = path.join(dir, 'packages/api/src/token.js');
      const web = path.join(dir, 'packages/web/src/token.js');
      assert.equal(workspace.settingsFor(api).source, `${path.join(dir, 'packages/api/package.json')}#vigil`);
      assert.equal(workspace.settingsFor(web).source, path.join(dir, 'vigil.config.json'));
      assert.deepEqual(severities(workspace, api), ['error']);
      assert.deepEqual(severities(workspace, web), ['info']);
    });

    it('stops at the repository root and at a workspace folder', () => {
      const dir = tree({ 'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "off" } }', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'folder/x': '' });
      assert.equal(new Workspace().settingsFor(path.join(dir, 'repo/src/a.js')).source, undefined);
      assert.equal(new Workspace().settingsFor(path.join(dir, 'folder/src/a.js')).source, path.join(dir, 'vigil.config.json'));
      const bounded = new Workspace({ roots: [path.join(dir, 'folder')] });
      assert.equal(bounded.settingsFor(path.join(dir, 'folder/src/a.js')).source, undefined);
      assert.deepEqual(severities(bounded, path.join(dir, 'folder/src/a.js')), ['warning']);
    });

    it("matches ignore globs against the path from the config's folder, and reads a changed config after configChanged", () => {
      const dir = tree({ 'app/vigil.config.json': '{ "ignore": ["generated/**"] }' });
      const workspace = new Workspace();
      assert.equal(workspace.settingsFor(path.join(dir, 'app/generated/a.js')).ignored, true);
      assert.equal(workspace.settingsFor(path.join(dir, 'app/src/a.js')).ignored, false);
      fs.writeFileSync(path.join(dir, 'app/vigil.config.json'), '{ "ignore": ["src/**"] }');
      assert.equal(workspace.settingsFor(path.join(dir, 'app/src/a.js')).ignored, false, 'cached until told');
      workspace.configChanged();
      assert.equal(workspace.settingsFor(path.join(dir, 'app/src/a.js')).ignored, true);
    });

    it('tells each problem of a config file once, and goes on with the defaults', () => {
      const dir = tree({ 'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "loud" } }' });
      const problems: string[] = [];
      const workspace = new Workspace({ onConfigProblem: (m) => problems.push(m) });
      assert.deepEqual(severities(workspace, path.join(dir, 'a.js')), ['warning']);
      assert.deepEqual(severities(workspace, path.join(dir, 'src/b.js')), ['warning']);
      assert.equal(problems.length, 1);
      assert.match(problems[0], /vigil\.config\.json: "rules\.jwt-missing-expiry" should be/);
    });

    it('applies the editor settings on top, and runs rules named in `only` even where the config turns them off', () => {
      const dir = tree({ 'vigil.config.json': '{ "rules": { "jwt-missing-expiry": "off" } }' });
      const workspace = new Workspace();
      const file = path.join(dir, 'a.js');
      assert.deepEqual(severities(workspace, file), []);
      assert.deepEqual(workspace.analyzeText(file, unsafeJwt, { overrides: { 'jwt-missing-expiry': 'hint' } }).findings.map((f) => f.severity), ['hint']);
      assert.deepEqual(workspace.analyzeText(file, unsafeJwt, { only: ['jwt-missing-expiry'] }).findings.map((f) => f.ruleId), ['jwt-missing-expiry']);
    });
  });

  describe('open documents', () => {
    const appFile = path.join(repoRoot, 'examples/express-pg-app/src/app.js');
    const appText = fs.readFileSync(appFile, 'utf8');

    it('analyses edits incrementally as a whole text would be, and keeps the analysis of each version only', () => {
      const workspace = new Workspace();
      const uri = 'file:///app.js';
      workspace.open({ uri, fileName: appFile, version: 1, text: appText });
      const first = workspace.analyze(uri);
      assert.ok(first && first.result.findings.length > 0);
      assert.equal(workspace.analysis(uri, 1), first);
      const at = appText.indexOf('expiresIn') >= 0 ? appText.indexOf('expiresIn') : appText.length;
      const edited = `${appText.slice(0, at)}// note\n${appText.slice(at)}`;
      workspace.update(uri, 2, edited, [{ start: at, end: at, newLength: '// note\n'.length }]);
      assert.equal(workspace.analysis(uri, 1), undefined);
      assert.equal(workspace.analysis(uri, 2), undefined, 'never analysed by asking for the cache');
      assert.deepEqual(workspace.analyze(uri)?.result, workspace.analyzeText(appFile, edited));
      workspace.close(uri);
      assert.equal(workspace.analyze(uri), undefined);
    });

    it('gives fix-all as one edit whose result is what --fix writes', () => {
      const text = "const db = require('./db');\n\nfunction generateToken() {\n  return Math.random().toString(36).substring(2, 15);\n}\n\nmodule.exports = { generateToken, db };\n";
      const workspace = new Workspace();
      workspace.open({ uri: 'u', fileName: '/src/token.js', version: 1, text });
      workspace.analyze('u');
      const edit = workspace.fixAll('u');
      assert.ok(edit, 'insecure-randomness offers a safe fix');
      const fixed = applyEdits(text, [edit]);
      assert.notEqual(fixed, text);
      assert.equal(fixed, workspace.fixText('/src/token.js', text).text);
      assert.equal(new Workspace().fixAll('not-open'), undefined);
    });

    it('analyses a document edited again after others were as a whole text, and fixes one only opened', () => {
      const workspace = new Workspace();
      const typeAt = (uri: string, version: number, before: string, at: number, inserted: string): string => {
        const after = `${before.slice(0, at)}${inserted}${before.slice(at)}`;
        workspace.update(uri, version, after, [{ start: at, end: at, newLength: inserted.length }]);
        return after;
      };
      workspace.open({ uri: 'app', fileName: appFile, version: 1, text: appText });
      workspace.analyze('app');
      let text = typeAt('app', 2, appText, appText.indexOf("app.post('/login'"), '// one\n');
      workspace.analyze('app');
      for (let i = 0; i <= editedDocumentsKept; i++) {
        const other = `other${i}`;
        workspace.open({ uri: other, fileName: `/src/other${i}.js`, version: 1, text: 'eval(x);\n' });
        typeAt(other, 2, 'eval(x);\n', 0, ' ');
        workspace.analyze(other);
      }
      text = typeAt('app', 3, text, text.indexOf("app.post('/login'"), '// two\n');
      const again = workspace.analyze('app');
      assert.deepEqual(again?.result, workspace.analyzeText(appFile, text));
      const fixable = again!.result.findings.findIndex((f) => f.fixes.length > 0);
      assert.ok(fixable >= 0);
      assert.equal(workspace.finding('app', { version: 3, index: fixable }), again!.result.findings[fixable]);

      const token = "function generateToken() {\n  return Math.random().toString(36).substring(2, 15);\n}\nmodule.exports = { generateToken };\n";
      workspace.open({ uri: 'token', fileName: '/src/token.js', version: 1, text: token });
      workspace.analyze('token');
      const edit = workspace.fixAll('token');
      assert.ok(edit);
      assert.equal(applyEdits(token, [edit]), workspace.fixText('/src/token.js', token).text);
    });

    it('analyses an open JavaScript document afresh when the declaration file beside it appears or goes', () => {
      const text = 'function tz(zone, offset) {\n  return zone + offset;\n}\nfunction utc(zone) {\n  return zone;\n}\nmodule.exports = { tz, utc };\n';
      const dir = tree({ 'lib/tz.js': text, 'lib/other.d.ts': 'export {};\n' });
      const file = path.join(dir, 'lib/tz.js');
      const declaration = path.join(dir, 'lib/tz.d.ts');
      const workspace = new Workspace();
      workspace.open({ uri: 'tz', fileName: file, version: 1, text });
      const undocumented = (): number => workspace.analyze('tz')!.result.findings.filter((f) => f.ruleId === 'undocumented-export').length;
      let version = 1;
      let current = text;
      // An edit inside tz's body, which alone runs again when the analysis builds on the last one.
      const typeInTz = (): void => {
        const at = current.indexOf('return zone') + 'return zone'.length;
        current = `${current.slice(0, at)} ${current.slice(at)}`;
        workspace.update('tz', ++version, current, [{ start: at, end: at, newLength: 1 }]);
      };
      assert.equal(undocumented(), 2);
      assert.deepEqual(workspace.fileChangedOnDisk(path.join(dir, 'lib/other.d.ts')), []);
      fs.writeFileSync(declaration, 'export function tz(zone: string, offset: number): string;\nexport function utc(zone: string): string;\n');
      assert.deepEqual(workspace.fileChangedOnDisk(declaration), ['tz']);
      typeInTz();
      assert.equal(undocumented(), 0);
      fs.rmSync(declaration);
      assert.deepEqual(workspace.fileChangedOnDisk(declaration), ['tz']);
      typeInTz();
      assert.equal(undocumented(), 2);
    });

    it('writes the ignore directive above the line, with its indentation', () => {
      const workspace = new Workspace();
      workspace.open({ uri: 'u', fileName: 'a.js', version: 1, text: 'function f() {\n  eval(x);\n}\n' });
      assert.deepEqual(workspace.ignoreEdit('u', 'code-injection', 1), {
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        newText: '  // vigil-ignore-next-line code-injection\n',
      });
    });

    it("answers the review checklist of a range from the range's findings and facts", () => {
      const workspace = new Workspace();
      workspace.open({ uri: 'u', fileName: appFile, version: 1, text: appText });
      const start = appText.slice(0, appText.indexOf("app.post('/login'")).split('\n').length - 1;
      const ids = workspace.checklist('u', { start: { line: start, character: 0 }, end: { line: start + 1, character: 0 } }).map((i) => i.id);
      assert.ok(ids.includes('request:validated'), ids.join());
      assert.equal(ids[ids.length - 1], 'read');
      assert.deepEqual(workspace.checklist('u', { start: { line: 99_999, character: 0 }, end: { line: 99_999, character: 5 } }).map((i) => i.id), ['read']);
    });
  });

  describe('the project summary an analysis owes', () => {
    const route = "const router = require('express').Router();\nconst accounts = require('../models/accounts');\nrouter.post('/login', async (req, res) => res.json(await accounts.findByEmail(req.body.email)));\nmodule.exports = router;\n";
    const unsafeModel = "const db = require('../db');\nasync function findByEmail(email) {\n  return db.query(`SELECT * FROM accounts WHERE email = '${email}'`);\n}\nmodule.exports = { findByEmail };\n";
    const safeModel = unsafeModel.replace("`SELECT * FROM accounts WHERE email = '${email}'`", "'SELECT * FROM accounts WHERE email = $1', [email]");

    it('is made after the analysis: settle tells once that it changed the project, and whatever reads the index makes it first', () => {
      const dir = tree({ 'package.json': '{ "name": "app" }\n', 'src/db.js': 'module.exports = { query: () => [] };\n', 'src/models/accounts.js': unsafeModel, 'src/routes/auth.js': route });
      const workspace = new Workspace({ roots: [dir] });
      workspace.open({ uri: 'route', fileName: path.join(dir, 'src/routes/auth.js'), version: 1, text: route });
      workspace.open({ uri: 'model', fileName: path.join(dir, 'src/models/accounts.js'), version: 1, text: unsafeModel });
      const passedToSql = (): number => workspace.analyze('route')!.result.findings.filter((f) => f.ruleId === 'sql-injection').length;
      assert.equal(passedToSql(), 1);
      workspace.analyze('model');
      assert.equal(workspace.settle('model'), false, 'the text on disk said as much');

      workspace.update('model', 2, safeModel);
      workspace.analyze('model');
      assert.equal(workspace.settle('model'), true);
      assert.equal(workspace.settle('model'), false, 'told once');
      assert.deepEqual(workspace.dependentDocuments('model'), ['route']);
      assert.equal(passedToSql(), 0);

      // Not settled: the route's analysis makes the model's summary before it reads the index.
      workspace.update('model', 3, unsafeModel);
      workspace.analyze('model');
      assert.equal(passedToSql(), 1);
      assert.equal(workspace.settle('model'), true, 'still told, once');
      assert.equal(workspace.settle('model'), false);
    });
  });

  describe('a project index summarised elsewhere (a scan\'s workers)', () => {
    it('gives the analysis the index the workspace walks itself gives, and is not walked again', () => {
      const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-workspace-')));
      made.push(dir);
      fs.cpSync(path.join(repoRoot, 'test', 'projects', 'express-routers'), dir, { recursive: true });
      const router = path.join(dir, 'src', 'routes', 'auth.js');
      const text = fs.readFileSync(router, 'utf8');
      const ruleFindings = (workspace: Workspace) => workspace.analyzeText(router, text, { only: ['missing-rate-limit'] }).findings;

      const walked = new Workspace({ fallbackRoot: dir });
      const adopted = new Workspace({ fallbackRoot: dir });
      const projects = adopted.projectsToIndex([router]);
      assert.deepEqual(projects.map((p) => p.root), [dir]);
      for (const project of projects) {
        adopted.adoptIndexedProject({ root: project.root, files: project.files.flatMap((file) => summariseFile(file, project.root) ?? []) });
      }
      assert.deepEqual(adopted.projectsToIndex([router]), [], 'indexed now');
      // The limiter mounted in app.js covers the router only through the index.
      assert.deepEqual(ruleFindings(adopted), []);
      assert.deepEqual(ruleFindings(adopted), ruleFindings(walked));
      assert.ok(new Workspace().analyzeText(router, text, { only: ['missing-rate-limit'] }).findings.length > 0, 'flagged without its project');
    });
  });
});
