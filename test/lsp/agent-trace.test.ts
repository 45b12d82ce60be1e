/**
 * The server's side of Agent Trace and of the language-model tool, over the real protocol on a scratch git
 * repository: `vigil/recordAgentTrace` writes the committed blocks into the commit's note, `vigil/attributedBlocks`
 * reads notes (another tool's too) back as blocks, and `vigil/fileFindings` answers for open and closed files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  attributedBlocksRequest, fileFindingsRequest, insertedBlocksNotification, recordAgentTraceRequest,
  type AttributedBlocksResult, type FileFindingsResult, type InsertedBlocksParams, type RecordAgentTraceResult,
} from '../../shared/src/protocol';
import { parseNote } from '../../server/src/git/agent-trace';
import { LspClient, fileUri } from '../harness/lsp-client';
import { commitAll, git, initRepository, writeFiles } from '../harness/scratch-git';
import { makeProject, removeProjects, safeJwt, unsafeJwt } from '../harness/vigil-process';

/** An assistant's function (lines 5–7, 0-based 4–6) appended to the clean file. */
const withInserted = safeJwt.replace('module.exports = { issue };\n', '') +
  "function refresh(user) {\n  return jwt.sign({ sub: user.id }, process.env.SECRET);\n}\nmodule.exports = { issue, refresh };\n";
const insertedRange = { start: { line: 4, character: 0 }, end: { line: 7, character: 0 } };

describe('language server: Agent Trace and file findings', function () {
  this.timeout(180000);
  let client: LspClient;
  after(async () => {
    await client?.stop();
    removeProjects();
  });

  it('records the committed blocks in the commit\'s note, then reads them back as blocks', async () => {
    const dir = makeProject({});
    initRepository(dir);
    writeFiles(dir, { 'src/auth.js': safeJwt, 'src/other.js': safeJwt });
    commitAll(dir, 'base');
    writeFiles(dir, { 'src/auth.js': withInserted, 'src/other.js': safeJwt.replace('1h', '2h') });
    const head = commitAll(dir, 'refresh tokens');
    client = new LspClient({ settings: {} });
    await client.initialize(dir);
    const uri = fileUri(path.join(dir, 'src/auth.js'));
    await client.open(uri, withInserted);
    // A document whose text differs from the commit's is not recorded: its lines are not the commit's.
    const otherUri = fileUri(path.join(dir, 'src/other.js'));
    await client.open(otherUri, safeJwt);
    for (const u of [uri, otherUri]) {
      await client.connection.sendNotification(insertedBlocksNotification, { uri: u, version: 1, blocks: [{ range: insertedRange, insertedAt: 1, reviewed: false }] } satisfies InsertedBlocksParams);
    }
    const recorded = await client.connection.sendRequest(recordAgentTraceRequest, { uris: [uri, otherUri] }) as RecordAgentTraceResult;
    assert.deepEqual(recorded.recorded, [uri]);
    const records = parseNote(git(dir, ['notes', '--ref=agent-trace', 'show', head]));
    assert.equal(records.length, 1);
    assert.equal(records[0].vcs?.revision, head);
    assert.deepEqual(records[0].files, [{ path: 'src/auth.js', conversations: [{ contributor: { type: 'ai' }, ranges: [{ start_line: 5, end_line: 7 }] }] }]);
    assert.deepEqual(records[0].metadata, { 'dev.vigil': { reviewed: false } });

    const blocks = await client.connection.sendRequest(attributedBlocksRequest, { uri }) as AttributedBlocksResult;
    assert.deepEqual(blocks.blocks.map((b) => [b.range, b.reviewed]), [[insertedRange, false]]);
  });

  it('adopts another tool\'s record for a file it never saw, and answers file findings open or not', async () => {
    const dir = makeProject({});
    initRepository(dir);
    writeFiles(dir, { 'src/agent.js': unsafeJwt, 'src/mine.js': safeJwt });
    const head = commitAll(dir, 'agent work');
    const record = { version: '0.1.0', id: '1', timestamp: '2026-01-25T10:00:00Z', tool: { name: 'other-agent' },
      files: [{ path: 'src/agent.js', conversations: [{ contributor: { type: 'ai', model_id: 'x/y' }, ranges: [{ start_line: 2, end_line: 4 }] }] }] };
    git(dir, ['notes', '--ref=agent-trace', 'add', '-m', JSON.stringify(record, null, 2), head]);
    await client.stop();
    client = new LspClient({ settings: {} });
    await client.initialize(dir);
    const uri = fileUri(path.join(dir, 'src/agent.js'));
    await client.open(uri, unsafeJwt);
    const blocks = await client.connection.sendRequest(attributedBlocksRequest, { uri }) as AttributedBlocksResult;
    assert.deepEqual(blocks.blocks, [{ range: { start: { line: 1, character: 0 }, end: { line: 4, character: 0 } }, insertedAt: Date.parse(record.timestamp), reviewed: false }]);
    const mine = await client.connection.sendRequest(attributedBlocksRequest, { uri: fileUri(path.join(dir, 'src/mine.js')) }) as AttributedBlocksResult;
    assert.deepEqual(mine.blocks, []);

    fs.writeFileSync(path.join(dir, 'src/closed.js'), unsafeJwt);
    const answer = await client.connection.sendRequest(fileFindingsRequest, {
      uris: [uri, fileUri(path.join(dir, 'src/closed.js')), fileUri(path.join(dir, 'src/mine.js')), fileUri(path.join(dir, 'missing.js'))],
    }) as FileFindingsResult;
    assert.deepEqual(answer.files.map((f) => [f.findings.map((x) => `${x.line}:${x.ruleId}`), f.error]), [
      [['3:jwt-missing-expiry'], undefined],
      [['3:jwt-missing-expiry'], undefined],
      [[], undefined],
      [[], 'could not be read: ENOENT'],
    ]);
    assert.ok(answer.files[0].findings[0].fixes.length > 0);
  });
});
