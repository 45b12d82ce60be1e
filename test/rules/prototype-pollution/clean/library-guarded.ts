// expect: none
// Utility modules that take keys from their caller and cannot reach Object.prototype.

// A merge that skips the dangerous keys.
export function deepMerge(target: Record<string, any>, source: Record<string, any>) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (typeof source[key] === 'object' && source[key] !== null) {
      target[key] = target[key] ?? {};
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

// A path setter that only walks own properties.
export function setPath(obj: Record<string, any>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = obj;
  for (const k of keys.slice(0, -1)) {
    if (!Object.hasOwn(node, k)) node[k] = {};
    node = node[k];
  }
  node[keys[keys.length - 1]] = value;
}

// Containers without a prototype, and a Map.
export function index(rows: Record<string, string>[], field: string) {
  const out = Object.create(null);
  for (const row of rows) out[row[field]] = (out[row[field]] ?? 0) + 1;
  return out;
}
export function tally(names: string[]) {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return counts;
}

// One level: the caller's key sets a property of the caller's object, not of every object.
export function setKey(obj: Record<string, unknown>, key: string, value: unknown) {
  obj[key] = value;
}

// Numbers by type: a grid's cells.
export function setCell(grid: number[][], row: number, col: number, value: number) {
  grid[row][col] = value;
}

// Not exported: only this module calls it, with its own keys.
function fill(table: Record<string, Record<string, number>>, a: string, b: string) {
  table[a][b] = 0;
}
fill({ x: {} }, 'x', 'y');

// A deep copy that builds a fresh object at each level: a `__proto__` key sets that fresh object's prototype, no one else's.
export function deepClone(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(deepClone);
  if (typeof input !== 'object' || input === null) return input;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) copy[key] = deepClone(value);
  return copy;
}
