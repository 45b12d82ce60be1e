/**
 * `vigil scan --fix` as a process on temporary files, compared byte for byte: it writes only inside the real
 * paths of the roots it was given (never through a symbolic link that leads out), refuses a file that is not
 * UTF-8 rather than replacing its bytes, and keeps a file's line endings and its byte order mark.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, removeProjects, runVigil } from '../harness/vigil-process';

/** insecure-randomness, whose safe fix adds `const crypto = require('crypto');` on a line of its own. */
const token = "const db = require('./db');\n\nfunction generateToken() {\n  return Math.random().toString(36).substring(2, 15);\n}\n\nmodule.exports = { generateToken, db };\n";
const tokenFixed = "const db = require('./db');\nconst crypto = require('crypto');\n\nfunction generateToken() {\n  return crypto.randomBytes(7).toString('hex').slice(0, 13);\n}\n\nmodule.exports = { generateToken, db };\n";
const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
const bom = Buffer.from([0xef, 0xbb, 0xbf]);
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

  it('refuses to fix a file that is not valid UTF-8, leaving every byte, and still reports its findings', () => {
    const latin1 = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9, 0xff, 0xc3]), Buffer.from(`\n${token}`)]);
    const dir = makeProject({ 'a.js': latin1 });
    const run = fix(dir);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'a.js')), latin1);
    assert.match(run.stderr, /a\.js: not fixed: the file is not valid UTF-8/);
    assert.equal(run.status, 1);
  });

  it('writes CRLF into a CRLF file and keeps its BOM, the rest byte for byte', () => {
    const dir = makeProject({ 'crlf.js': crlf(token), 'bom.js': Buffer.concat([bom, Buffer.from(crlf(token))]), 'mixed.js': `// one LF line\n${crlf(token)}` });
    const run = fix(dir);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'crlf.js')), Buffer.from(crlf(tokenFixed)));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'bom.js')), Buffer.concat([bom, Buffer.from(crlf(tokenFixed))]));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'mixed.js')), Buffer.from(`// one LF line\n${crlf(tokenFixed)}`));
  });

  it('keeps the multi-byte and astral characters around a fix', () => {
    const text = `// 𝒱igil ✓ — naïve\n${token}// end 🙂\n`;
    const dir = makeProject({ 'a.js': text });
    fix(dir);
    const after = fs.readFileSync(path.join(dir, 'a.js'), 'utf8');
    assert.equal(after, `// 𝒱igil ✓ — naïve\n${tokenFixed}// end 🙂\n`);
  });
});
