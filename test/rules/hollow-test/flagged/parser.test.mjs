import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../src/parser.js';

test('parses a number', () => {
  assert.ok(1); // expect: hollow-test:3
  assert.equal(parse('1'), 1);
});

test('parses nothing', () => { // expect: hollow-test:1
  parse('');
});

test('rejects bad input', () => {
  assert.rejects(parse('{')); // expect: hollow-test:3
});

test.only('parses a list', () => { // expect: hollow-test:6
  assert.deepEqual(parse('[1]'), [1]);
});
