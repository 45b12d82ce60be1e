import * as assert from 'node:assert/strict';
import { ageLabel, blockLensTitle, checklistLensTitle, linesLabel } from '../../client/src/block-labels';
import { isStoredFile, restore, snapshot } from '../../client/src/block-store';
import {
  InsertedRanges, defaultThresholds, insertedSpan, isInsertion, isReformat, type ChangeOrigin, type TextChange, type TrackedBlock,
} from '../../client/src/inserted-ranges';
import { OfferedEdits } from '../../client/src/offered-edits';

/**
 * A document as the tracker sees it: its text and blocks. `edit` applies changes in order (each against the
 * previous one's result), as VS Code's change events do, and hands them to the tracker with the replaced text.
 */
class Doc {
  private id = 1;
  readonly ranges = new InsertedRanges([], () => this.id++);
  now = 1_000_000;

  constructor(public text: string) {}

  edit(changes: { at: number; remove?: number; text: string }[], origin: ChangeOrigin = 'edit'): void {
    const applied: TextChange[] = [];
    for (const c of changes) {
      const length = c.remove ?? 0;
      applied.push({ offset: c.at, length, text: c.text, replaced: this.text.slice(c.at, c.at + length) });
      this.text = this.text.slice(0, c.at) + c.text + this.text.slice(c.at + length);
    }
    this.ranges.apply(applied, origin, defaultThresholds, this.now, this.text);
  }

  insert(at: number, text: string, origin?: ChangeOrigin): void {
    this.edit([{ at, text }], origin);
  }

  /** The text of each block, in order. */
  get blockTexts(): string[] {
    return this.ranges.blocks.map((b) => this.text.slice(b.start, b.end));
  }
}

const route = [
  "app.post('/login', async (req, res) => {",
  '  const user = await find(req.body.email);',
  '  res.json(user);',
  '});',
].join('\n');
const base = 'const a = 1;\nconst b = 2;\n';

describe('client: inserted blocks, tracking ranges', () => {
  it('counts as an insertion two non-blank lines or 80 non-blank characters, not typing or Enter', () => {
    assert.equal(isInsertion('x', defaultThresholds), false);
    assert.equal(isInsertion('\n    ', defaultThresholds), false);
    assert.equal(isInsertion('a();\n\n', defaultThresholds), false);
    assert.equal(isInsertion('a();\nb();', defaultThresholds), true);
    assert.equal(isInsertion('x'.repeat(80), defaultThresholds), true);
    assert.equal(isInsertion(`${'x '.repeat(79)}`, defaultThresholds), false);
    assert.equal(isInsertion('a();\nb();', { minLines: 3, minChars: 200 }), false);
  });

  it('records an inserted block without the whitespace around it', () => {
    const doc = new Doc(base);
    doc.insert(base.length, `\n${route}\n`);
    assert.deepEqual(doc.blockTexts, [route]);
    assert.equal(doc.ranges.blocks[0]!.reviewed, false);
    assert.equal(doc.ranges.blocks[0]!.insertedAt, doc.now);
  });

  it('ignores typing', () => {
    const doc = new Doc(base);
    for (const ch of 'const c = 3;\n') doc.insert(doc.text.length, ch);
    assert.deepEqual(doc.ranges.blocks, []);
  });

  it('moves a block when text is edited before it, and not when edited after it', () => {
    const doc = new Doc(base);
    doc.insert(base.length, route);
    doc.insert(0, '// header\n');
    doc.edit([{ at: 0, remove: 3, text: '/*' }]);
    assert.deepEqual(doc.blockTexts, [route]);
    doc.insert(doc.text.length, '\nx');
    doc.insert(doc.ranges.blocks[0]!.end, ';');
    assert.deepEqual(doc.blockTexts, [route]);
  });

  it('grows and shrinks a block edited inside it', () => {
    const doc = new Doc(base);
    doc.insert(base.length, route);
    const at = doc.text.indexOf('res.json');
    doc.insert(at, 'await audit();\n  ');
    assert.deepEqual(doc.blockTexts, [route.replace('res.json', 'await audit();\n  res.json')]);
    doc.edit([{ at, remove: 'await audit();\n  '.length, text: '' }]);
    assert.deepEqual(doc.blockTexts, [route]);
    const first = doc.ranges.blocks[0]!;
    doc.edit([{ at: first.start, remove: 3, text: 'router' }]);
    assert.deepEqual(doc.blockTexts, [route.replace(/^app/, 'router')]);
  });

  it('removes a block whose text is deleted, and keeps what is left of one deleted in part', () => {
    const doc = new Doc(base);
    doc.insert(base.length, route);
    const { start, end } = doc.ranges.blocks[0]!;
    doc.edit([{ at: start - 2, remove: 12, text: '' }]);
    assert.deepEqual(doc.blockTexts, [route.slice(10)]);
    doc.edit([{ at: end - 20, remove: 100, text: '' }]);
    assert.equal(doc.ranges.blocks.length, 1);
    const left = doc.ranges.blocks[0]!;
    doc.edit([{ at: left.start - 1, remove: left.end - left.start + 1, text: '' }]);
    assert.deepEqual(doc.ranges.blocks, []);
  });

  it('merges a block inserted next to another (only whitespace between), keeping the older id and the newer time', () => {
    const doc = new Doc(base);
    doc.insert(base.length, route);
    const id = doc.ranges.blocks[0]!.id;
    doc.now += 60_000;
    doc.insert(doc.text.length, "\n\napp.get('/health', (req, res) => {\n  res.json({ ok: true });\n});");
    assert.equal(doc.ranges.blocks.length, 1);
    assert.equal(doc.ranges.blocks[0]!.id, id);
    assert.equal(doc.ranges.blocks[0]!.insertedAt, doc.now);
    assert.ok(doc.blockTexts[0]!.startsWith("app.post") && doc.blockTexts[0]!.endsWith('});'));
    // Separated by code, two blocks stay two.
    doc.insert(doc.text.length, '\nconst c = 3;');
    doc.insert(doc.text.length, `\n${route}`);
    assert.equal(doc.ranges.blocks.length, 2);
  });

  it('does not merge with a reviewed block, and splits a reviewed block that code is inserted into', () => {
    const doc = new Doc(base);
    doc.insert(base.length, route);
    doc.ranges.markReviewed(doc.ranges.blocks[0]!.id);
    const at = doc.text.indexOf('  res.json');
    doc.insert(at, 'await audit(user);\nawait notify(user);\n');
    assert.deepEqual(doc.ranges.blocks.map((b) => b.reviewed), [true, false, true]);
    assert.deepEqual(doc.blockTexts[1], 'await audit(user);\nawait notify(user);');
    assert.equal(new Set(doc.ranges.blocks.map((b) => b.id)).size, 3);
  });

  it('ignores undo, redo and Vigil\'s own fixes, but keeps blocks in place through them', () => {
    const doc = new Doc(base);
    doc.insert(base.length, route, 'undo');
    doc.insert(base.length, route, 'redo');
    doc.insert(base.length, route, 'vigil-fix');
    assert.deepEqual(doc.ranges.blocks, []);
    doc.insert(doc.text.length, `\n${route}`);
    doc.insert(0, `${route}\n`, 'vigil-fix');
    assert.deepEqual(doc.blockTexts, [route]);
    // Undoing the insertion deletes its text: the block goes with it.
    const { start, end } = doc.ranges.blocks[0]!;
    doc.edit([{ at: start - 1, remove: end - start + 1, text: '' }], 'undo');
    assert.deepEqual(doc.ranges.blocks, []);
  });

  it('ignores formatting: the same code laid out again, even as one whole-document replacement', () => {
    assert.equal(isReformat("a(1,2)\nb('x')", 'a(1, 2);\nb("x");\n'), true);
    assert.equal(isReformat('a(1)', 'a(1)\nb(2)'), false);
    const doc = new Doc(`function f(a){return a+1}\nfunction g(b){return b*2}\n`);
    doc.edit([{ at: 0, remove: doc.text.length, text: 'function f(a) {\n  return a + 1;\n}\nfunction g(b) {\n  return b * 2;\n}\n' }]);
    assert.deepEqual(doc.ranges.blocks, []);
  });

  it('judges a replacement by what it adds: an assistant rewriting a function marks the new lines only', () => {
    const before = 'function f() {\n  return 1;\n}\n';
    const after = 'function f() {\n  const x = load();\n  validate(x);\n  return 1;\n}\n';
    const span = insertedSpan({ offset: 10, length: before.length, text: after, replaced: before }, defaultThresholds);
    assert.deepEqual(span && after.slice(span.start - 10, span.end - 10), 'const x = load();\n  validate(x);');
  });

  it('handles multi-cursor edits: typing at several cursors makes no block and moves the blocks after them', () => {
    const doc = new Doc(`${base}\n`);
    doc.insert(doc.text.length, route);
    // VS Code sends a multi-cursor edit's changes last first, each valid against the text the previous one left.
    doc.edit([{ at: 13, text: 'x' }, { at: 0, text: 'x' }]);
    assert.deepEqual(doc.blockTexts, [route]);
    // Pasting two lines at two cursors: two insertions.
    doc.edit([{ at: doc.text.length, text: '\nfoo();\nbar();' }, { at: 0, text: 'one();\ntwo();\n' }]);
    assert.deepEqual(doc.blockTexts, ['one();\ntwo();', route + '\nfoo();\nbar();']);
  });

  it('marks one block or all of a file reviewed, and remembers ticked questions', () => {
    const doc = new Doc(base);
    doc.insert(base.length, route);
    doc.insert(doc.text.length, '\nconst c = 3;');
    doc.insert(doc.text.length, `\n${route}`);
    const [one, two] = doc.ranges.blocks as [TrackedBlock, TrackedBlock];
    doc.ranges.setChecked(two.id, ['read']);
    assert.deepEqual(doc.ranges.blocks[1]!.checked, ['read']);
    assert.equal(doc.ranges.markReviewed(one.id), true);
    assert.equal(doc.ranges.markReviewed(one.id), false);
    assert.deepEqual(doc.ranges.blocks.map((b) => b.reviewed), [true, false]);
    assert.equal(doc.ranges.markAllReviewed(), true);
    assert.deepEqual(doc.ranges.blocks.map((b) => b.reviewed), [true, true]);
  });
});

describe('client: inserted blocks, closed and reopened', () => {
  const opened = () => {
    const doc = new Doc(base);
    doc.insert(base.length, `\n${route}\n`);
    doc.ranges.setChecked(doc.ranges.blocks[0]!.id, ['read']);
    return doc;
  };

  it('restores the blocks exactly when the text is the same', () => {
    const doc = opened();
    const stored = JSON.parse(JSON.stringify(snapshot(doc.ranges.blocks, doc.text))) as unknown;
    assert.ok(isStoredFile(stored));
    assert.deepEqual(restore(stored, doc.text), doc.ranges.blocks);
    assert.deepEqual(stored.blocks[0]!.range, { start: { line: 3, character: 0 }, end: { line: 6, character: 3 } });
  });

  it('finds a block again when the file changed elsewhere, and drops one whose code was changed', () => {
    const doc = opened();
    const stored = snapshot(doc.ranges.blocks, doc.text);
    const moved = `// added on another branch\n${doc.text}`;
    const [block] = restore(stored, moved);
    assert.equal(block && moved.slice(block.start, block.end), route);
    assert.deepEqual(block?.checked, ['read']);
    assert.deepEqual(restore(stored, doc.text.replace('res.json(user)', 'res.json({ id: user.id })')), []);
    assert.deepEqual(restore(stored, base), []);
  });

  it('reads anything else in workspace state as nothing', () => {
    assert.equal(isStoredFile(undefined), false);
    assert.equal(isStoredFile({ hash: 'x', blocks: [{ start: 1 }] }), false);
  });
});

describe('client: recognising Vigil\'s fixes', () => {
  const range = { start: { line: 4, character: 10 }, end: { line: 4, character: 20 } };

  it('knows an edit it offered, and nothing else', () => {
    const offered = new OfferedEdits();
    offered.offered('file:///a.js', [{ range, text: ", { expiresIn: '1h' }" }]);
    assert.equal(offered.isOffered('file:///a.js', [{ range, text: ", { expiresIn: '1h' }" }]), true);
    assert.equal(offered.isOffered('file:///a.js', [{ range, text: 'something else' }]), false);
    assert.equal(offered.isOffered('file:///b.js', [{ range, text: ", { expiresIn: '1h' }" }]), false);
    offered.forget('file:///a.js');
    assert.equal(offered.isOffered('file:///a.js', [{ range, text: ", { expiresIn: '1h' }" }]), false);
  });
});

describe('client: inserted blocks, labels', () => {
  it('words the CodeLens, the view and the checklist', () => {
    assert.equal(blockLensTitle(0, 2 * 60_000 + 10, 3), 'Inserted 2 min ago · 3 findings');
    assert.equal(blockLensTitle(0, 10, 1), 'Inserted just now · 1 finding');
    assert.deepEqual([90 * 60_000, 26 * 3_600_000, 50 * 3_600_000].map((t) => ageLabel(0, t)), ['1 h ago', '1 day ago', '2 days ago']);
    assert.equal(linesLabel(10, 16), 'Lines 11–17');
    assert.equal(linesLabel(3, 3), 'Line 4');
    assert.equal(checklistLensTitle(0), 'Review checklist');
    assert.equal(checklistLensTitle(2), 'Review checklist (2 ticked)');
  });
});

describe('client: blocks adopted from Agent Trace notes', () => {
  it('adds each span no block overlaps, as recorded, and keeps the editor\'s own blocks where they overlap', () => {
    let id = 1;
    const ranges = new InsertedRanges([{ id: id++, start: 10, end: 20, insertedAt: 5, reviewed: true, checked: ['q'] }], () => id++);
    const changed = ranges.adopt([
      { start: 0, end: 8, insertedAt: 1, reviewed: false },
      { start: 15, end: 30, insertedAt: 2, reviewed: false },
      { start: 40, end: 40, insertedAt: 3, reviewed: false },
      { start: 50, end: 60, insertedAt: 4, reviewed: true },
    ]);
    assert.equal(changed, true);
    assert.deepEqual(ranges.blocks.map((b) => [b.start, b.end, b.insertedAt, b.reviewed]), [[0, 8, 1, false], [10, 20, 5, true], [50, 60, 4, true]]);
    assert.equal(ranges.adopt([{ start: 1, end: 2, insertedAt: 9, reviewed: false }]), false);
  });
});
