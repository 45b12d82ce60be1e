/**
 * Glob matching for `ignore` in vigil.config.json and for .gitignore lines: `*`, `?`, `**`, `[...]` and `{a,b}`.
 * Paths are relative and use `/`. A pattern without a `/` matches a name at any depth, as .gitignore does.
 */
export interface GlobOptions {
  /**
   * true (the default): a match on a folder covers everything under it, for callers that test whole paths.
   * false: the pattern matches the path itself only, for walkers that test each entry and prune ignored folders
   * (as git does, so that `node_modules` in a .gitignore does not hide a folder named below it on the command line).
   */
  matchDescendants?: boolean;
}

export function globToRegExp(pattern: string, options: GlobOptions = {}): RegExp {
  let p = pattern.trim();
  let anchored = false;
  if (p.startsWith('/')) {
    anchored = true;
    p = p.slice(1);
  }
  if (p.endsWith('/')) p = p.slice(0, -1);
  if (p.includes('/')) anchored = true;
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        const slashAfter = p[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close === -1) {
        out += '\\[';
      } else {
        out += '[' + p.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else if (c === '{') {
      const close = p.indexOf('}', i + 1);
      if (close === -1) {
        out += '\\{';
      } else {
        out += '(?:' + p.slice(i + 1, close).split(',').map(escapeRegExp).join('|') + ')';
        i = close;
      }
    } else {
      out += escapeRegExp(c);
    }
  }
  const descendants = options.matchDescendants === false ? '' : '(?:/.*)?';
  return new RegExp((anchored ? '^' : '^(?:.*/)?') + out + descendants + '$');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+^$()|\\\]\[{}*?]/g, '\\$&');
}

export function matchesAnyGlob(relativePath: string, patterns: readonly RegExp[]): boolean {
  const p = relativePath.replace(/\\/g, '/');
  return patterns.some((re) => re.test(p));
}
