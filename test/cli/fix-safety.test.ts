/**
 * `vigil scan --fix` as a process on temporary files: it writes only inside the real paths of the roots it was
 * given (never through a symbolic link that leads out).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, removeProjects, runVigil } from '../harness/vigil-process';

/** insecure-randomness, whose safe fix adds `const crypto = require('crypto');` on a line of its own. */
const token = "const db = require('./db');\n\nfunction generateToken() {\n  return Math.random().toString(36).substring(2, 15);\n}\n\nmodule.exports = { generateToken, db };\n";
const tokenFixed = "const db = require('./db');\nconst crypto = require('crypto');\n\nfunction generateToken() {\n  return crypto.randomBytes(7).toString('hex').slice(0, 13);\n}\n\nmodule.exports = { generateToken, db };\n";
const fix = (cwd: string, ...paths: string[]) => runVigil(['scan', '--fix', '--rules', 'insecure-randomness', ...paths], cwd);

describe('vigil scan --fix writes only what it fixed, only where it was told', () => {
  after(removeProjects);

  it('fixes a file as expected (the fix the other cases rely on)', () => {
    const dir = makeProject({ 'a.js': token });
    const run = fix(dir);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a.js'), 'utf8'), tokenFixed);
  });

  it('never writes through a symbolic link found by the walk to a file outside the folder scanned', () => {
    const outside = makeProject({ 'victim.js': token });
    const dir = makeProject({ 'src/own.js': token });
    fs.symlinkSync(path.join(outside, 'victim.js'), path.join(dir, 'src/link.js'));
    const run = fix(dir);
    assert.equal(fs.readFileSync(path.join(outside, 'victim.js'), 'utf8'), token);
    assert.equal(fs.readFileSync(path.join(dir, 'src/own.js'), 'utf8'), tokenFixed);
    assert.match(run.stderr, /src\/link\.js: not fixed: it is a symbolic link to .*victim\.js, outside the paths scanned/);
    assert.equal(run.status, 1, 'the finding behind the link is still reported');
  });

  it('never writes through a symbolic link named on the command line', () => {
    const outside = makeProject({ 'victim.js': token });
    const dir = makeProject({});
    fs.symlinkSync(path.join(outside, 'victim.js'), path.join(dir, 'link.js'));
    const run = fix(dir, 'link.js');
    assert.equal(fs.readFileSync(path.join(outside, 'victim.js'), 'utf8'), token);
    assert.match(run.stderr, /link\.js: not fixed: it is a symbolic link/);
  });

  it('writes inside a root that is itself a symbolic link, and through a link that stays inside the root', () => {
    const real = makeProject({ 'a.js': token, 'lib/b.js': token });
    const dir = makeProject({});
    fs.symlinkSync(real, path.join(dir, 'project'));
    fs.symlinkSync(path.join(real, 'lib/b.js'), path.join(real, 'alias.js'));
    const run = fix(dir, 'project');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.readFileSync(path.join(real, 'a.js'), 'utf8'), tokenFixed);
    assert.equal(fs.readFileSync(path.join(real, 'lib/b.js'), 'utf8'), tokenFixed);
    assert.ok(fs.lstatSync(path.join(real, 'alias.js')).isSymbolicLink(), 'the link stays a link');
  });
});
