import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { analyze } from '../../server/src/core/analyze';
import { buildFacts } from '../../server/src/core/facts/facts';
import { parse } from '../../server/src/core/parse';
import { ruleById } from '../../server/src/core/registry';
import { blockFacts } from '../../server/src/core/review/block-facts';
import { reviewChecklist } from '../../server/src/core/review/checklist';
import { insertedAgo, reviewDiagnostics } from '../../server/src/lsp/review-marks';
import { repoRoot } from '../harness/paths';

const appText = fs.readFileSync(path.join(repoRoot, 'examples/express-pg-app/src/app.js'), 'utf8');
const titleOf = (id: string) => ruleById(id)?.meta.title;

function checklistOf(text: string, fileName = 'src/app.js', from = 0, to = text.length) {
  const findings = analyze({ text, fileName }).findings;
  const sourceFile = parse(text, fileName);
  const lineStart = (l: number) => sourceFile.getPositionOfLineAndCharacter(l, 0);
  const inside = findings.filter((f) => lineStart(f.range.start.line) >= from && lineStart(f.range.start.line) < to);
  return reviewChecklist(inside, blockFacts(buildFacts(sourceFile, fileName), from, to), titleOf);
}

describe('review checklist', () => {
  it("asks about each of the login route's findings, its input, and reading it", () => {
    const start = appText.indexOf("app.post('/login'");
    const end = appText.indexOf('\n});', start) + 4;
    const items = checklistOf(appText, 'src/app.js', start, end);
    const ids = items.map((i) => i.id);
    // Rules added later may ask more; these are the five findings' questions, the route's and the last one.
    for (const id of ['request:rate-limit', 'sql:parameters', 'password:hashed', 'token:expiry', 'secret:environment', 'request:validated']) {
      assert.ok(ids.includes(id), `${id} in ${ids.join()}`);
    }
    assert.equal(ids[ids.length - 1], 'read');
    assert.match(items.find((i) => i.id === 'request:validated')!.reason, /POST \/login/);
    assert.match(items.find((i) => i.id === 'request:rate-limit')!.reason, /^missing-rate-limit: /);
  });

  it('asks whether a test would fail if the code were wrong, for tests and only for tests', () => {
    const text = [
      "const { totalOf } = require('../src/orders');",
      "it('totals', () => {",
      '  expect(true).toBe(true);',
      '});',
    ].join('\n');
    const item = checklistOf(text, 'test/orders.test.js').find((i) => i.id === 'test:fails');
    assert.ok(item, 'the test question is asked');
    assert.equal(item.question, 'Would this test fail if the code were wrong?');
    assert.match(item.reason, /^hollow-test: /);
    const sound = text.replace('expect(true)', 'expect(totalOf([]))').replace('toBe(true)', 'toBe(0)');
    assert.match(checklistOf(sound, 'test/orders.test.js').find((i) => i.id === 'test:fails')!.reason, /"totals"/);
    assert.ok(!checklistOf(sound, 'src/orders.js').some((i) => i.id === 'test:fails'), 'not in application code');
  });

  it('asks whether money moves atomically and idempotently', () => {
    const text = [
      "const stripe = require('stripe')(process.env.STRIPE_KEY);",
      'async function refund(orderId, amount) {',
      '  await db.query("UPDATE orders SET refunded = true WHERE id = $1", [orderId]);',
      '  await stripe.refunds.create({ payment_intent: orderId, amount });',
      '}',
    ].join('\n');
    const ids = checklistOf(text, 'src/refund.js').map((i) => i.id);
    assert.ok(ids.includes('money:atomic') && ids.includes('money:idempotent'), ids.join());
    assert.ok(!ids.includes('request:validated'));
  });

  it('asks whether queries in a loop scale, and not for a query outside one', () => {
    const loop = [
      'async function names(ids) {',
      '  const out = [];',
      '  for (const id of ids) out.push(await User.findByPk(id));',
      '  return Promise.all(ids.map(async (id) => prisma.user.findUnique({ where: { id } })));',
      '}',
    ].join('\n');
    const item = checklistOf(loop, 'src/names.js').find((i) => i.id === 'loop:scale');
    assert.ok(item);
    assert.match(item.reason, /User\.findByPk/);
    const fetches = "async function pages(urls) {\n  for (const url of urls) await fetch(url);\n}\n";
    assert.match(checklistOf(fetches, 'src/pages.js').find((i) => i.id === 'loop:scale')?.reason ?? '', /fetch/);
    // Iterating in memory is not a round trip, whatever the method is called.
    const local = 'function names(users) {\n  return users.map((u) => u.find((x) => x.id)).filter((x) => x.get());\n}\n';
    assert.ok(!checklistOf(local, 'src/local.js').some((i) => i.id === 'loop:scale'));
    const single = 'async function name(id) {\n  return (await User.findByPk(id)).name;\n}\n';
    assert.deepEqual(checklistOf(single, 'src/name.js').map((i) => i.id), ['read']);
  });

  it('asks about request input in a handler that is not a registered route', () => {
    const text = 'export async function handler(req, res) {\n  res.json({ id: req.query.id });\n}\n';
    assert.ok(checklistOf(text, 'src/handler.js').some((i) => i.id === 'request:validated'));
  });

  it('asks a rule without its own question whether its finding is fixed, by the rule\'s title', () => {
    const facts = { routes: [], handlesRequest: false, money: [], queriesInLoop: [], tests: [] };
    const [item] = reviewChecklist([{ ruleId: 'some-new-rule', message: 'Something is off.' }], facts, () => 'Something off');
    assert.deepEqual(item, { id: 'rule:some-new-rule', question: 'Something off: is it fixed, or can you say why it does not apply here?', reason: 'some-new-rule: Something is off.' });
  });
});

describe('review marks and the focus filter', () => {
  const diagnostic = (line: number, code = 'sql-injection'): Diagnostic => ({
    range: { start: { line, character: 2 }, end: { line, character: 10 } },
    message: 'SQL built from data.',
    source: 'vigil',
    code,
    data: { ruleId: code, category: 'security', version: 1, index: line },
  });
  const block = (from: number, to: number, reviewed = false) => ({
    range: { start: { line: from, character: 0 }, end: { line: to, character: 3 } },
    insertedAt: 0,
    reviewed,
  });
  const notice: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'Vigil: not analysed.', source: 'vigil' };
  const diagnostics = [diagnostic(1), diagnostic(5), diagnostic(9), notice];

  it('says how long ago the code was inserted, keeping code and data', () => {
    const [above, inside] = reviewDiagnostics(diagnostics, { focus: 'all', blocks: [block(4, 6)], changedLines: undefined, now: 3 * 60_000 + 5 });
    assert.equal(above!.message, 'SQL built from data.');
    assert.equal(inside!.message, 'SQL built from data. (In code inserted 3 minutes ago, not yet reviewed.)');
    assert.deepEqual([inside!.code, inside!.data], [diagnostics[1]!.code, diagnostics[1]!.data]);
  });

  it('says nothing once the block is reviewed', () => {
    const out = reviewDiagnostics(diagnostics, { focus: 'all', blocks: [block(4, 6, true)], changedLines: undefined, now: 0 });
    assert.deepEqual(out, diagnostics);
  });

  it('focus "inserted" keeps the findings in unreviewed blocks (and the notice)', () => {
    const out = reviewDiagnostics(diagnostics, { focus: 'inserted', blocks: [block(4, 6), block(8, 10, true)], changedLines: undefined, now: 0 });
    assert.deepEqual(out.map((d) => d.range.start.line), [5, 0]);
  });

  it('focus "changed" adds the lines changed since the last commit; a file git does not know is all changed', () => {
    const out = reviewDiagnostics(diagnostics, { focus: 'changed', blocks: [block(4, 6)], changedLines: new Set([9]), now: 0 });
    assert.deepEqual(out.map((d) => d.range.start.line), [5, 9, 0]);
    assert.equal(reviewDiagnostics(diagnostics, { focus: 'changed', blocks: [], changedLines: 'all', now: 0 }).length, 4);
    assert.equal(reviewDiagnostics(diagnostics, { focus: 'changed', blocks: [], changedLines: undefined, now: 0 }).length, 1);
  });

  it('without blocks from the client (another LSP client), marks nothing and "inserted" shows everything', () => {
    assert.deepEqual(reviewDiagnostics(diagnostics, { focus: 'inserted', blocks: undefined, changedLines: undefined, now: 0 }), diagnostics);
    assert.deepEqual(reviewDiagnostics(diagnostics, { focus: 'changed', blocks: undefined, changedLines: undefined, now: 0 }), diagnostics);
    assert.equal(reviewDiagnostics(diagnostics, { focus: 'changed', blocks: undefined, changedLines: new Set([1]), now: 0 }).length, 2);
  });

  it('words the age', () => {
    assert.deepEqual([0, 59_999, 60_000, 125_000, 3_600_000, 7_200_000, 86_400_000, 3 * 86_400_000].map((t) => insertedAgo(0, t)), [
      'just now', 'just now', '1 minute ago', '2 minutes ago', '1 hour ago', '2 hours ago', '1 day ago', '3 days ago',
    ]);
  });

});
