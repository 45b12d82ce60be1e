/**
 * The `ignore` globs of vigil.config.json as a file walk applies them: each entry against the globs of the config
 * that applies to it (the nearest walking up, resolved by the Workspace), relative to that config's folder, and
 * matching the entry itself only, so that an ignored folder is pruned and a folder named on the command line is
 * still walked (as .gitignore is applied).
 */
import * as path from 'node:path';
import { type FileSettings, globToRegExp } from '../core/workspace-settings';

/** `settings`: the Workspace, or the WorkspaceSettings of a thread that analyses nothing. */
export function configIgnoreTest(settings: { settingsFor(file: string): FileSettings }): (entry: string) => boolean {
  const compiled = new Map<readonly string[], RegExp[]>();
  return (entry) => {
    const { config, root } = settings.settingsFor(entry);
    if (config.ignore.length === 0) return false;
    let patterns = compiled.get(config.ignore);
    if (!patterns) {
      patterns = config.ignore.map((g) => globToRegExp(g, { matchDescendants: false }));
      compiled.set(config.ignore, patterns);
    }
    const relative = path.relative(root, entry);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const slashed = relative.split(path.sep).join('/');
    return patterns.some((re) => re.test(slashed));
  };
}
