import * as assert from 'node:assert/strict';
import { assertKeepsStatements } from '../harness/kept-statements';

describe('kept-statements harness', () => {
  const before = 'async function f(a) {\n  await pool.query("A", [a]);\n  await mail(a);\n  await pool.query("B", [a]);\n}\n';
  it('accepts a renamed handle, added scaffolding and a moved external call', () => {
    const after = 'async function f(a) {\n  const client = await pool.connect();\n  try {\n    await client.query("A", [a]);\n    await client.query("B", [a]);\n  } finally {\n    client.release();\n  }\n  await mail(a);\n}\n';
    assertKeepsStatements(before, after, 'a.js');
  });
  it('rejects a lost statement', () => {
    const after = 'async function f(a) {\n  await tx.query("A", [a]);\n  await mail(a);\n}\n';
    assert.throws(() => assertKeepsStatements(before, after, 'a.js'));
  });
  it('rejects statements put out of order', () => {
    const after = 'async function f(a) {\n  await tx.query("B", [a]);\n  await tx.query("A", [a]);\n  await mail(a);\n}\n';
    assert.throws(() => assertKeepsStatements(before, after, 'a.js'));
  });
});
