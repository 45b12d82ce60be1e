/**
 * The documented hooks, run as their hosts run them: the Claude Code PostToolUse command from docs/agents.md
 * (exit 2 with the findings on stderr, 0 when clean) and the entries of .pre-commit-hooks.yaml.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';
import { commitAll, initRepository, writeFiles } from '../harness/scratch-git';
import { makeProject, removeProjects, safeJwt, unsafeJwt } from '../harness/vigil-process';

interface HookSettings { hooks: { PostToolUse: { matcher: string; hooks: { type: string; command: string }[] }[] } }

function documentedHook(): { matcher: string; command: string } {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'agents.md'), 'utf8');
  const block = /<!-- claude-code-hook:begin -->\s*```json\n([\s\S]*?)```\s*<!-- claude-code-hook:end -->/.exec(doc);
  assert.ok(block, 'docs/agents.md holds the hook between its markers');
  const settings = JSON.parse(block[1]) as HookSettings;
  const entry = settings.hooks.PostToolUse[0];
  return { matcher: entry.matcher, command: entry.hooks[0].command };
}

/** A project with Vigil installed as a dev dependency is: node_modules/.bin/vigil. */
function projectWithVigil(files: Record<string, string>): string {
  const dir = makeProject({ '.gitignore': 'node_modules/\n' });
  initRepository(dir);
  writeFiles(dir, files);
  fs.mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'bin', 'vigil.js'), path.join(dir, 'node_modules', '.bin', 'vigil'));
  commitAll(dir, 'base');
  return dir;
}

function runHook(command: string, dir: string): { status: number | null; stderr: string } {
  const event = JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Write', tool_input: { file_path: path.join(dir, 'src/new.js') } });
  const result = spawnSync('sh', ['-c', command], { cwd: path.join(dir, 'src'), env: { ...process.env, CLAUDE_PROJECT_DIR: dir }, input: event, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('Claude Code hook (docs/agents.md)', function () {
  this.timeout(180000);
  after(removeProjects);

  it('runs after edits and writes', () => {
    assert.deepEqual(documentedHook().matcher.split('|').sort(), ['Edit', 'MultiEdit', 'Write']);
  });

  it('hands the findings on the agent\'s new lines back with exit 2, on stderr', () => {
    const dir = projectWithVigil({ 'src/old.js': unsafeJwt });
    writeFiles(dir, { 'src/new.js': unsafeJwt });
    const { status, stderr } = runHook(documentedHook().command, dir);
    assert.equal(status, 2);
    assert.match(stderr, /src\/new\.js/);
    assert.match(stderr, /jwt-missing-expiry/);
    assert.doesNotMatch(stderr, /src\/old\.js/);
  });

  it('is quiet (exit 0) when the new lines are clean, and exits 1 (user only) when Vigil cannot run', () => {
    const dir = projectWithVigil({ 'src/old.js': unsafeJwt });
    writeFiles(dir, { 'src/new.js': safeJwt });
    assert.equal(runHook(documentedHook().command, dir).status, 0);
    fs.rmSync(path.join(dir, '.git'), { recursive: true });
    assert.equal(runHook(documentedHook().command, dir).status, 1);
  });
});

describe('.pre-commit-hooks.yaml', function () {
  this.timeout(180000);
  after(removeProjects);

  const entries = (): Map<string, string> => {
    const text = fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
    const map = new Map<string, string>();
    for (const hook of text.split(/^- /m).slice(1)) {
      const id = /^id: (.+)$/m.exec(hook)?.[1];
      const entry = /^\s*entry: (.+)$/m.exec(hook)?.[1];
      if (id && entry) map.set(id, entry);
    }
    return map;
  };

  it('vigil fails the commit on a staged file\'s finding; vigil-changed only on uncommitted lines', () => {
    const hooks = entries();
    assert.deepEqual([...hooks.keys()], ['vigil', 'vigil-changed']);
    const dir = projectWithVigil({ 'src/old.js': unsafeJwt, 'src/ok.js': safeJwt });
    const run = (command: string): number | null => spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' }).status;
    assert.equal(run(`${hooks.get('vigil')} src/old.js`), 1);
    assert.equal(run(`${hooks.get('vigil')} src/ok.js`), 0);
    assert.equal(run(hooks.get('vigil-changed') ?? ''), 0);
    writeFiles(dir, { 'src/ok.js': unsafeJwt });
    assert.equal(run(hooks.get('vigil-changed') ?? ''), 1);
  });
});
