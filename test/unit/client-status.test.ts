import * as assert from 'node:assert/strict';
import { AnalysisActivity } from '../../client/src/analysis-activity';
import { countBySeverity, statusText, statusTooltip } from '../../client/src/finding-counts';

describe('client: status bar text', () => {
  it('counts findings by severity and shows only those present', () => {
    const counts = countBySeverity([1, 1, 0, 3, 2]);
    assert.deepEqual(counts, { errors: 1, warnings: 2, infos: 1, hints: 1 });
    assert.equal(statusText(counts), 'Vigil $(error) 1 $(warning) 2 $(info) 2');
    assert.equal(statusTooltip(counts, 'app.js'), 'Vigil: 1 error, 2 warnings, 2 notes in app.js. Click to list them in the Problems panel.');
  });
  it('shows a check mark for a clean file', () => {
    const counts = countBySeverity([]);
    assert.equal(statusText(counts), 'Vigil $(check)');
    assert.equal(statusTooltip(counts, 'db.js'), 'Vigil: no findings in db.js');
  });
});

describe('client: analysis activity (the spinner)', () => {
  it('is busy from sending a document until its diagnostics arrive', () => {
    const changes: string[] = [];
    const activity = new AnalysisActivity((uri) => changes.push(uri), 10_000);
    activity.sent('file:///a.js');
    activity.sent('file:///a.js');
    assert.equal(activity.isBusy('file:///a.js'), true);
    activity.published('file:///a.js');
    assert.equal(activity.isBusy('file:///a.js'), false);
    assert.deepEqual(changes, ['file:///a.js', 'file:///a.js']);
  });
  it('stops spinning when the server publishes nothing for a version', async () => {
    const activity = new AnalysisActivity(() => undefined, 20);
    activity.sent('file:///b.js');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(activity.isBusy('file:///b.js'), false);
  });
  it('is idle everywhere once the server stops', () => {
    const activity = new AnalysisActivity(() => undefined, 10_000);
    activity.sent('file:///c.js');
    activity.clear();
    assert.equal(activity.isBusy('file:///c.js'), false);
  });
});

describe('client: status bar with inserted code to review', () => {
  it('adds the blocks awaiting review, and says a click lists them', () => {
    const counts = countBySeverity([0, 1]);
    assert.equal(statusText(counts, 2), 'Vigil $(error) 1 $(warning) 1 · $(eye) 2 to review');
    assert.equal(statusTooltip(counts, 'app.js', 1), 'Vigil: 1 error, 1 warning, 0 notes in app.js. 1 inserted block to review. Click to list them.');
    assert.equal(statusTooltip(countBySeverity([]), 'app.js', 2), 'Vigil: no findings in app.js. 2 inserted blocks to review. Click to list them.');
  });
});
