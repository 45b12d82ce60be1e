// expect: none
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../src/parser.js';

test('parses a number', () => {
  assert.equal(parse('1'), 1);
  assert.ok(parse('true'));
});

test('rejects bad input', async () => {
  await assert.rejects(parse('{'));
});

test('uses the context', (t) => {
  t.assert.deepStrictEqual(parse('[1]'), [1]);
});

test('subtests', async (t) => {
  await t.test('nested', () => {
    assert.equal(parse('2'), 2);
  });
});

test('counts', (t) => {
  t.plan(1);
  assert.equal(parse('3'), 3);
});
