/** Vigil's own package: its version and where its docs are, found from this file's location (sources or out/). */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findPackageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'vigil') return dir;
    } catch {
      // No package.json here, or not JSON: keep going up.
    }
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '../../..');
  }
}

export const packageRoot = findPackageRoot();

export const version: string = (() => {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

export const informationUri = 'https://github.com/vigil-dev/vigil';

/** The rule's doc page as shipped with the package, if it is there. */
export function ruleDoc(ruleId: string): string | undefined {
  try {
    return fs.readFileSync(path.join(packageRoot, 'docs', 'rules', `${ruleId}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
