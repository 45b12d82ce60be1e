/**
 * What an edit reaches, for the rules and the project summary (incremental/reach.ts): the units that name what the
 * edited units declare, as far as that goes. `module.exports = …` and `exports.default = …` reach only the member chains
 * that read them, not every unit of a CommonJS module that assigns an export.
 */
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { TreeIndex } from '../../server/src/core/traverse';
import { unitsOf } from '../../server/src/core/incremental/units';
import { reachedUnits } from '../../server/src/core/incremental/reach';
import { WordPositions } from '../../server/src/core/incremental/word-positions';

const text = [
  'module.exports = function main(req) { return req.query.q; };', // 0
  'exports.helper = function (x) { return x; };', // 1
  'module.exports.other = function (y) { return y; };', // 2
  'exports.default = main;', // 3
  'function reader(z) { return module.exports.helper(z); }', // 4
  "function defaulted() { return require('./self').default(1); }", // 5
  'export default function () { switch (1) { default: return 0; } }', // 6
  'function caller() { return reader(1); }', // 7
  '',
].join('\n');

function reachedFrom(unit: number, source = text): number[] {
  const tree = parse(source, 'module.js');
  const units = unitsOf(tree, new TreeIndex(tree));
  return [...reachedUnits(new WordPositions(source), units, new Set([unit]))].sort((a, b) => a - b);
}

const classes = [
  'function format(row) { return row; }', // 0
  'function unused(row) { return row; }', // 1
  'class Orders {', // 2: head
  '  get(id) { return format(id); }', // 3
  '  list() { return this.get(1); }', // 4
  '  page() { return this.list(); }', // 5
  '}',
  'class Users {', // 6: head
  '  get(id) { return id; }', // 7
  '  list() { return this.get(2); }', // 8
  '}',
  '',
].join('\n');

describe('units an edit reaches', () => {
  it('follows module.exports and exports.default only where a member chain reads them, then their readers by name', () => {
    assert.deepEqual(reachedFrom(0), [0, 4, 7], '`module.exports.helper(z)` reads it; `exports.helper =` and `module.exports.other =` assign');
    assert.deepEqual(reachedFrom(3), [3, 5], '`.default(1)` reads it; `export default` and `default:` are keywords');
  });

  it('follows a function by any word that names it', () => {
    assert.deepEqual(reachedFrom(4), [4, 7]);
  });

  it('follows a member\'s name after `this.` within its class, as far as that goes, then the functions called by name', () => {
    // `Orders.get`: `list` calls it, and `page` calls `list`; `Users` has a `get` of its own. `Orders.get` calls `format`.
    assert.deepEqual(reachedFrom(3, classes), [0, 3, 4, 5]);
    assert.deepEqual(reachedFrom(7, classes), [7, 8]);
  });
});
