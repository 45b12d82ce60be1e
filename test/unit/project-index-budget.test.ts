/** The project index's memory budget: past its file or byte cap it stops adding files and says so; old summaries are let go. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type IndexLimits, ProjectIndex, defaultIndexLimits } from '../../server/src/core/project/project-index';
import { PackageManifests } from '../../server/src/core/project/package-manifests';
import { ProjectRoots } from '../../server/src/core/project/project-roots';

const made: string[] = [];

function project(count: number): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-budget-')));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "app" }');
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `m${i}.js`), `const next = require('./m${i + 1}');\nmodule.exports = { next };\n`);
  return dir;
}

function indexOf(dir: string, limits: IndexLimits): ProjectIndex {
  const roots = new ProjectRoots();
  roots.setFallback(dir);
  const index = new ProjectIndex(roots, new PackageManifests(), limits);
  index.ensure(path.join(dir, 'package.json'));
  return index;
}

describe('project index: memory budget', () => {
  after(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('indexes every file within the budget and says it is complete', () => {
    const [p] = indexOf(project(5), defaultIndexLimits).indexedProjects();
    assert.deepEqual([p.files, p.complete], [5, true]);
  });

  it('stops at the file cap and marks the project incomplete', () => {
    const [p] = indexOf(project(5), { maxFiles: 3, maxBytes: defaultIndexLimits.maxBytes }).indexedProjects();
    assert.deepEqual([p.files, p.complete], [3, false]);
  });

  it('stops at the byte cap, and adds no file an open document would bring past it', () => {
    const dir = project(5);
    const index = indexOf(dir, { maxFiles: 100, maxBytes: 1500 });
    const [p] = index.indexedProjects();
    assert.ok(p.files >= 1 && p.files < 5, `${p.files} files`);
    assert.equal(p.complete, false);
    assert.ok(index.estimatedBytes() < 1500 + 1000, 'one file at most goes past the cap');
    assert.equal(index.record(path.join(dir, 'new.js'), 'module.exports = 1;\n'), false);
    assert.equal(index.indexedProjects()[0].files, p.files);
  });

  it("lets an edited document's old summaries go", () => {
    const dir = project(2);
    const index = indexOf(dir, defaultIndexLimits);
    const file = path.join(dir, 'm0.js');
    index.record(file, "const a = require('./a00');\n");
    const once = index.estimatedBytes();
    for (let i = 10; i < 60; i++) index.record(file, `const a = require('./a${i}');\n`);
    assert.equal(index.estimatedBytes(), once);
    index.forget(file);
    assert.ok(index.estimatedBytes() < once);
  });
});
