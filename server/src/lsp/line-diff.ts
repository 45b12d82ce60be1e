/**
 * Which lines of a new text are not in an old one: the insertions of a shortest line edit script (Myers'
 * O((N+M)D) algorithm), computed here rather than by `git diff` so that git never reads the work tree (reading
 * it runs the repository's filters, fsmonitor hook and diff drivers).
 */

/** Past this many inserted plus deleted lines, the texts are taken as rewritten: every line of the new one is new. */
const maxEdits = 1000;

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * The 0-based lines of `after` that are new or changed relative to `before`, or `all` when the texts differ in
 * more than `maxEdits` lines. Line endings do not count: a checkout that turned LF into CRLF changed nothing.
 */
export function addedLines(before: string, after: string): Set<number> | 'all' {
  const ids = new Map<string, number>();
  const idOf = (line: string): number => {
    const key = withoutCarriageReturn(line);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const a = before.split('\n').map(idOf);
  const b = after.split('\n').map(idOf);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const added = insertions(a.slice(start, endA), b.slice(start, endB));
  if (added === 'all') return 'all';
  return new Set(added.map((line) => line + start));
}

/** The indexes in `b` inserted by a shortest edit script from `a` to `b`. */
function insertions(a: readonly number[], b: readonly number[]): number[] | 'all' {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((_, i) => i);
  if (m === 0) return [];
  const limit = Math.min(n + m, maxEdits);
  // v[offset + k]: the furthest x reached on diagonal k = x - y; history[d] is v[-d - 1 .. d + 1] before step d.
  const offset = limit + 1;
  const v = new Int32Array(2 * offset + 1);
  const history: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    history.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(history, n, m, d);
    }
  }
  return 'all';
}

function backtrack(history: readonly Int32Array[], n: number, m: number, edits: number): number[] {
  const added: number[] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const at = (k: number): number => history[d][k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    if (down) added.push(previousY);
    x = previousX;
    y = previousY;
  }
  return added.reverse();
}
