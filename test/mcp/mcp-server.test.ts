/** `vigil mcp` driven by the SDK's own MCP client over stdio, against the real process in scratch projects. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { applyEdits } from '../../server/src/core/fix';
import { repoRoot } from '../harness/paths';
import { commitAll, initRepository, writeFiles } from '../harness/scratch-git';
import { makeProject, removeProjects, safeJwt, unsafeJwt } from '../harness/vigil-process';

interface Span { line: number; column: number; endLine: number; endColumn: number }
interface View extends Span { path: string; ruleId: string; fixes: { title: string; safe: boolean; edits: (Span & { newText: string })[] }[] }

const injectable = "const { Pool } = require('pg');\nconst pool = new Pool();\nasync function find(req) {\n  return pool.query(`SELECT * FROM users WHERE email = '${req.body.email}'`);\n}\nmodule.exports = { find };\n";

async function connect(cwd: string): Promise<Client> {
  const client = new Client({ name: 'vigil-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [path.join(repoRoot, 'bin', 'vigil.js'), 'mcp'], cwd, stderr: 'pipe' }));
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<{ result: CallToolResult; json: () => Record<string, unknown> }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const first = result.content[0];
  const text = first?.type === 'text' ? first.text : '';
  return { result, json: () => JSON.parse(text) as Record<string, unknown> };
}

/** 1-based spans back to the 0-based ranges the core's applyEdits takes. */
function applyViewEdits(text: string, edits: readonly (Span & { newText: string })[]): string {
  return applyEdits(text, edits.map((e) => ({
    range: { start: { line: e.line - 1, character: e.column - 1 }, end: { line: e.endLine - 1, character: e.endColumn - 1 } },
    newText: e.newText,
  })));
}

describe('vigil mcp (over stdio, with the SDK client)', function () {
  this.timeout(180000);
  let client: Client;
  let dir: string;

  before(async () => {
    dir = makeProject({ 'package.json': '{"name":"app"}', 'src/auth.js': unsafeJwt, 'src/ok.js': safeJwt });
    client = await connect(dir);
  });
  after(async () => {
    await client.close();
    removeProjects();
  });

  it('lists the four tools with their input schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['vigil_check', 'vigil_explain', 'vigil_fix', 'vigil_scan']);
    const check = tools.find((t) => t.name === 'vigil_check');
    assert.deepEqual(check?.inputSchema.required?.slice().sort(), ['fileName', 'text']);
  });

  it('vigil_check reports findings in unsaved text with fixes whose edits, applied, remove the finding', async () => {
    const { result, json } = await call(client, 'vigil_check', { text: injectable, fileName: 'src/users.js' });
    assert.notEqual(result.isError, true);
    const answer = json() as { path: string; findings: View[] };
    assert.equal(answer.path, 'src/users.js');
    const sql = answer.findings.find((f) => f.ruleId === 'sql-injection');
    assert.ok(sql, JSON.stringify(answer));
    assert.equal(sql.line, 4);
    const fix = sql.fixes.find((f) => f.title === 'Parameterize query');
    assert.ok(fix && fix.safe && fix.edits.length > 0);
    const fixed = applyViewEdits(injectable, fix.edits);
    const again = (await call(client, 'vigil_check', { text: fixed, fileName: 'src/users.js' })).json() as { findings: View[] };
    assert.deepEqual(again.findings.filter((f) => f.ruleId === 'sql-injection'), []);
    assert.ok(!fs.existsSync(path.join(dir, 'src/users.js')), 'vigil_check must not write');
  });

  it('vigil_fix applies the safe fixes to the file and answers what is left', async () => {
    fs.writeFileSync(path.join(dir, 'src/users.js'), injectable);
    const { json } = await call(client, 'vigil_fix', { path: 'src/users.js' });
    const answer = json() as { fixesApplied: number; findings: View[] };
    assert.ok(answer.fixesApplied >= 1);
    assert.deepEqual(answer.findings.filter((f) => f.ruleId === 'sql-injection'), []);
    const written = fs.readFileSync(path.join(dir, 'src/users.js'), 'utf8');
    assert.match(written, /\$1/);
    assert.doesNotMatch(written, /\$\{req\.body\.email\}/);
  });

  it('vigil_fix refuses a file outside the project', async () => {
    const { result } = await call(client, 'vigil_fix', { path: '../elsewhere.js' });
    assert.equal(result.isError, true);
  });

  it('vigil_scan lists the project\'s findings by path', async () => {
    const answer = (await call(client, 'vigil_scan', { paths: ['src/auth.js', 'src/ok.js'] })).json() as { findings: View[]; summary: { files: number } };
    assert.deepEqual(answer.findings.map((f) => `${f.path}:${f.line}:${f.ruleId}`), ['src/auth.js:3:jwt-missing-expiry']);
    assert.equal(answer.summary.files, 2);
  });

  it('vigil_explain answers a rule\'s documentation, and an error for an unknown id', async () => {
    const { result } = await call(client, 'vigil_explain', { ruleId: 'sql-injection' });
    const first = result.content[0];
    assert.ok(first?.type === 'text' && first.text.startsWith('# sql-injection'));
    const unknown = await call(client, 'vigil_explain', { ruleId: 'no-such-rule' });
    assert.equal(unknown.result.isError, true);
  });
});

describe('vigil mcp vigil_scan changed (scratch git repository)', function () {
  this.timeout(180000);
  after(removeProjects);

  it('reports only findings on lines not yet committed', async () => {
    const dir = makeProject({});
    initRepository(dir);
    writeFiles(dir, { 'src/a.js': unsafeJwt, 'src/b.js': safeJwt });
    commitAll(dir, 'first');
    const added = safeJwt.replace('module.exports', "function again(user) {\n  return jwt.sign({ sub: user.id }, process.env.SECRET);\n}\nmodule.exports");
    writeFiles(dir, { 'src/b.js': added });
    const client = await connect(dir);
    try {
      const answer = (await call(client, 'vigil_scan', { changed: true })).json() as { findings: View[] };
      assert.deepEqual(answer.findings.map((f) => `${f.path}:${f.line}:${f.ruleId}`), ['src/b.js:6:jwt-missing-expiry']);
    } finally {
      await client.close();
    }
  });
});
