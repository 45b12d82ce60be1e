/**
 * The project index's memory on a real repository: the heap it holds once a folder is indexed (garbage collected
 * before and after), per file and in total, beside the estimate the index keeps of itself (ProjectIndex.estimatedBytes),
 * which is what its budget is checked against. Run with `node --expose-gc out/bench/index-memory.js FOLDER…`.
 */
import * as path from 'node:path';
import { ProjectIndex } from '../server/src/core/project/project-index';
import { PackageManifests } from '../server/src/core/project/package-manifests';
import { ProjectRoots } from '../server/src/core/project/project-roots';

const gc = (globalThis as { gc?: () => void }).gc;

function heapAfterGc(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

function measure(folder: string): void {
  const roots = new ProjectRoots();
  roots.setFallback(folder);
  const before = heapAfterGc();
  const started = process.hrtime.bigint();
  const index = new ProjectIndex(roots, new PackageManifests());
  index.ensure(path.join(folder, 'package.json'));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const held = heapAfterGc() - before;
  const files = index.indexedProjects().reduce((n, p) => n + p.files, 0);
  const estimate = index.estimatedBytes();
  console.log(
    `${path.basename(folder)}: ${files} files indexed in ${Math.round(ms)} ms; heap held ${mb(held)} MB ` +
      `(${Math.round(held / Math.max(files, 1))} bytes a file); the index's own estimate ${mb(estimate)} MB (${(held / Math.max(estimate, 1)).toFixed(2)}× under it is what is held)`,
  );
}

if (!gc) console.warn('run with node --expose-gc for figures that mean something');
// A first, small project pays what the parser and the catalogue set up once per process; it is not counted.
const warmRoots = new ProjectRoots();
warmRoots.setFallback(path.resolve(__dirname, '..', '..', 'test', 'projects', 'express-routers'));
new ProjectIndex(warmRoots, new PackageManifests()).ensure(path.resolve(__dirname, '..', '..', 'test', 'projects', 'express-routers', 'package.json'));
for (const folder of process.argv.slice(2)) measure(path.resolve(folder));
