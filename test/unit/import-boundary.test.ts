/**
 * The front ends reach the core only through its Workspace entry (DESIGN.md "Data flow"): every module under
 * server/src/lsp, server/src/cli and server/src/mcp is read, each of its imports (static, dynamic, `require`, re-exports) resolved,
 * and any that lands in server/src/core must be core/workspace itself, or core/workspace-settings, the share of that
 * entry that analyses nothing (a scan's main thread, which must not load TypeScript).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot } from '../harness/paths';

const core = path.join(repoRoot, 'server/src/core');
const entries = [path.join(core, 'workspace'), path.join(core, 'workspace-settings')];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.ts$/.test(e.name) ? [full] : [];
  });
}

/** Every module specifier of `text`: import/export declarations, `import()` and `require()`. */
function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The core modules `file` (whose text is `text`) imports other than the entries, as repository paths. */
function coreImports(file: string, text: string): string[] {
  return specifiers(text)
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, ''))
    .filter((target) => (target === core || target.startsWith(core + path.sep)) && !entries.includes(target))
    .map((target) => path.relative(repoRoot, target));
}

describe('import boundary', () => {
  for (const frontEnd of ['server/src/lsp', 'server/src/cli', 'server/src/mcp']) {
    it(`${frontEnd} imports the core only through core/workspace (or core/workspace-settings)`, () => {
      const files = sources(path.join(repoRoot, frontEnd));
      assert.ok(files.length > 0, `${frontEnd} has modules`);
      const crossings = files.flatMap((f) => coreImports(f, fs.readFileSync(f, 'utf8')).map((target) => `${path.relative(repoRoot, f)} → ${target}`));
      assert.deepEqual(crossings, []);
    });
  }

  it('catches a crossing, whatever form the import takes', () => {
    const probe = path.join(repoRoot, 'server/src/cli/probe.ts');
    const forms = [
      "import { analyze } from '../core/analyze';",
      "export { rules } from '../core/registry';",
      "const m = import('../core/facts/facts.js');",
      "const r = require('../core/rule');",
      "import type { Finding } from '../core/types';",
    ];
    for (const form of forms) assert.equal(coreImports(probe, form).length, 1, form);
    assert.deepEqual(coreImports(probe, "import { Workspace, type Finding } from '../core/workspace';\nimport * as fs from 'node:fs';"), []);
    assert.deepEqual(coreImports(probe, "import { WorkspaceSettings } from '../core/workspace-settings';"), []);
  });
});
