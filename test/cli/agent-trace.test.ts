/** Agent Trace records through real git notes (refs/notes/agent-trace), and `vigil scan --focus assistant` on them. */
import * as assert from 'node:assert/strict';
import type * as Sarif from 'sarif';
import { appendRecord, newRecord, parseNote } from '../../server/src/git/agent-trace';
import { parseBlame } from '../../server/src/git/attribution';
import { openRepository } from '../../server/src/git/run-git';
import { commitAll, git, initRepository, writeFiles } from '../harness/scratch-git';
import { JsonOutput, makeProject, removeProjects, runVigil, unsafeJwt } from '../harness/vigil-process';

/** Lines 1–4 written by a person (finding on 3); lines 5–8 by an assistant (finding on 6). */
const mixedFile = unsafeJwt.replace('module.exports = { issue };\n', '') +
  "function refresh(user) {\n  return jwt.sign({ sub: user.id, refresh: true }, process.env.SECRET);\n}\nmodule.exports = { issue, refresh };\n";

const tool = { name: 'vigil', version: 'test' };

function jsonFindings(dir: string, extra: readonly string[]): (JsonOutput['findings'][number] & { attribution?: { contributor: string; reviewed: boolean } })[] {
  const run = runVigil(['scan', '--format', 'json', '--rules', 'jwt-missing-expiry', ...extra], dir);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return (JSON.parse(run.stdout) as JsonOutput).findings;
}

describe('Agent Trace in git notes', function () {
  this.timeout(180000);
  after(removeProjects);

  async function attributedRepository(): Promise<{ dir: string; head: string }> {
    const dir = makeProject({});
    initRepository(dir);
    writeFiles(dir, { 'src/auth.js': mixedFile, 'src/other.js': unsafeJwt });
    const head = commitAll(dir, 'auth');
    const repo = await openRepository(dir);
    assert.ok(repo);
    const record = newRecord(head, [{ path: 'src/auth.js', conversations: [{ contributor: { type: 'ai', model_id: 'anthropic/claude-sonnet-4' }, ranges: [{ start_line: 5, end_line: 8 }] }] }], tool);
    assert.equal(await appendRecord(repo, record), true);
    return { dir, head };
  }

  it('round-trips a record through the commit\'s note, and keeps records other tools appended', async () => {
    const { dir, head } = await attributedRepository();
    const other = { version: '0.1.0', id: '550e8400-e29b-41d4-a716-446655440000', timestamp: '2026-01-25T10:00:00Z', tool: { name: 'other' },
      files: [{ path: 'src/other.js', conversations: [{ contributor: { type: 'human' }, ranges: [{ start_line: 1, end_line: 5 }] }] }] };
    git(dir, ['notes', '--ref=agent-trace', 'append', '-m', JSON.stringify(other, null, 2), head]);
    const repo = await openRepository(dir);
    assert.ok(repo);
    const again = newRecord(head, [{ path: 'src/auth.js', conversations: [{ contributor: { type: 'mixed' }, ranges: [{ start_line: 1, end_line: 1 }] }] }], tool);
    assert.equal(await appendRecord(repo, again), true);
    const records = parseNote(git(dir, ['notes', '--ref=agent-trace', 'show', head]));
    assert.deepEqual(records.map((r) => r.tool?.name), ['vigil', 'other', 'vigil']);
    assert.equal(records[0].vcs?.revision, head);
    assert.deepEqual(records[0].files[0].conversations[0].ranges, [{ start_line: 5, end_line: 8 }]);
    assert.deepEqual(records[2], again);
  });

  it('--focus assistant reports only the findings on lines attributed to an assistant', async () => {
    const { dir } = await attributedRepository();
    assert.deepEqual(jsonFindings(dir, []).map((f) => `${f.path}:${f.line}`).sort(), ['src/auth.js:3', 'src/auth.js:6', 'src/other.js:3']);
    const focused = jsonFindings(dir, ['--focus', 'assistant']);
    assert.deepEqual(focused.map((f) => `${f.path}:${f.line}`), ['src/auth.js:6']);
    assert.equal(focused[0].attribution?.contributor, 'ai');
    assert.equal(focused[0].attribution?.reviewed, false);
  });

  it('follows the lines through later commits (blame), and marks the SARIF result for the reviewer', async () => {
    const { dir, head } = await attributedRepository();
    writeFiles(dir, { 'src/auth.js': `// Token helpers.\n'use strict';\n${mixedFile}` });
    commitAll(dir, 'header');
    const run = runVigil(['scan', '--format', 'sarif', '--rules', 'jwt-missing-expiry', '--focus', 'assistant'], dir);
    const results = (JSON.parse(run.stdout) as Sarif.Log).runs[0].results ?? [];
    assert.equal(results.length, 1);
    assert.equal(results[0].locations?.[0].physicalLocation?.region?.startLine, 8);
    assert.match(results[0].message.text ?? '', new RegExp(`Written by an assistant \\(anthropic/claude-sonnet-4\\) in ${head.slice(0, 7)}, not yet reviewed\\.$`));
    assert.deepEqual(results[0].properties?.agentTrace, { contributor: { type: 'ai', model_id: 'anthropic/claude-sonnet-4' }, revision: head, tool: 'vigil', reviewed: false });
  });

  it('without notes, --focus assistant reports nothing; outside git it is a usage error', () => {
    const dir = makeProject({ 'a.js': unsafeJwt });
    initRepository(dir);
    commitAll(dir, 'a');
    assert.deepEqual(jsonFindings(dir, ['--focus', 'assistant']), []);
    assert.equal(jsonFindings(dir, []).length, 1);
    const plain = makeProject({ 'a.js': unsafeJwt });
    assert.equal(runVigil(['scan', '--focus', 'assistant'], plain).status, 2);
  });
});

describe('blame porcelain', () => {
  it('maps each final line to its commit, file and line there, and skips lines not committed', () => {
    const a = 'a'.repeat(40);
    const zero = '0'.repeat(40);
    const porcelain = [
      `${a} 1 1 2`, 'author X', 'filename old/name.js', '\tline one',
      `${a} 2 2`, '\tline two',
      `${zero} 3 3 1`, 'author Not Committed Yet', 'filename src/new.js', '\tnew line',
    ].join('\n');
    const lines = parseBlame(porcelain);
    assert.deepEqual([...lines.entries()], [[0, { commit: a, file: 'old/name.js', line: 1 }], [1, { commit: a, file: 'old/name.js', line: 2 }]]);
  });
});

describe('Agent Trace notes as other tools write them', () => {
  const record = (name: string): string => JSON.stringify({ version: '0.1.0', id: name, timestamp: 't', tool: { name }, files: [{ path: 'a.js', conversations: [] }] });

  it('reads JSON lines, pretty-printed records, arrays, and skips what is not a record', () => {
    const note = `${record('a')}\n\n${JSON.stringify(JSON.parse(record('b')), null, 2)}\nnot json {oops\n[${record('c')}, {"files": "no"}]\n{"text": "a } in a string"}`;
    assert.deepEqual(parseNote(note).map((r) => r.id), ['a', 'b', 'c']);
  });
});
