/**
 * Vigil in a real VS Code (code-server, offline), as a user gets it: the .vsix from `npm run package` installed,
 * the example app opened. Two parts:
 *  - the UI, driven through Chromium: squiggle and hover, the Problems panel, the lightbulb's fix changing the file;
 *  - the extension-host suite (test/e2e/suite), run inside VS Code with the real `vscode` API.
 * They need a runtime of about 1 GB (install-runtime.sh), so they run with VIGIL_E2E=1 or in CI (CI=true).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fix';
import { Workspace } from '../../server/src/core/workspace';
import type { Finding, Fix, Severity } from '../../server/src/core/types';
import { countBySeverity, statusText, type SeverityValue } from '../../client/src/finding-counts';
import { repoRoot } from '../harness/paths';
import { suiteEntry, suiteWorkspace } from './suite-location';
import {
  CodeServer, RunDir, e2eRequested, installRuntime, packageExtension, screenshotDir, waitFor,
} from './editor-runtime';

const example = suiteWorkspace;
const loginFile = 'src/app.js';
const severityValue: Record<Severity, SeverityValue> = { error: 0, warning: 1, info: 2, hint: 3 };

describe('Vigil in a real VS Code (e2e)', function () {
  // The first run installs the editor runtime (installRuntime's own limit is 30 minutes).
  this.timeout(40 * 60_000);
  let run: RunDir | undefined;
  let server: CodeServer | undefined;
  let failed = false;
  const timings: Record<string, number> = {};
  const time = async <T>(name: string, step: () => T | Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await step();
    } finally {
      timings[name] = Date.now() - started;
    }
  };

  before(async function () {
    if (!e2eRequested()) {
      console.log('    e2e: skipped (real-editor tests run with VIGIL_E2E=1 or CI=true; `npm run test:e2e` runs only them)');
      this.skip();
    }
    await time('installRuntime', installRuntime);
    const vsix = await time('package', packageExtension);
    console.log(`    .vsix: ${path.relative(repoRoot, vsix)}, ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`);
    run = new RunDir();
    const dir = run;
    await time('installVsix', () => dir.installVsix(vsix));
    server = await time('startCodeServer', () => dir.startCodeServer({ VIGIL_E2E_RESULT: path.join(dir.root, 'exthost-result.json') }));
    fs.mkdirSync(screenshotDir, { recursive: true });
    console.log(`    run: ${run.root}, screenshots: ${screenshotDir}`);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async () => {
    await server?.stop();
    if (!run) return;
    console.log(`    timings (ms): ${JSON.stringify(timings)}`);
    if (failed || process.env.VIGIL_E2E_KEEP === '1') console.log(`    kept ${run.root} (code-server.log, user-data/logs/)`);
    else run.remove();
  });

  it('UI: squiggle, hover, Problems panel, and the lightbulb fix changes the file', async () => {
    const dir = run!;
    const workspace = dir.copyWorkspace(example, 'ui-workspace');
    const file = path.join(workspace, loginFile);
    const original = fs.readFileSync(file, 'utf8');
    const expectedFindings = serverFindings(workspace, original);
    const target = firstFixableFinding(expectedFindings);
    const fix = target.fixes[0]!;
    const browser = await dir.launchChromium();
    const page = browser.pages()[0] ?? (await browser.newPage());
    try {
      await time('ui.workbench', async () => {
        await page.goto(server!.url(workspace));
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      });
      await time('ui.openFile', () => openFromExplorer(page, loginFile));

      // The server's finding shows as a squiggle; a hover on its range shows the message with source and code.
      const squiggle = page.locator(`.monaco-editor .squiggly-${target.severity}`);
      await time('ui.firstSquiggle', () => squiggle.first().waitFor({ timeout: 90_000 }));
      const at = await screenPoint(page, original, target);
      await page.mouse.move(at.x - 40, at.y);
      await page.mouse.move(at.x, at.y, { steps: 5 });
      const hover = page.locator('.monaco-hover', { hasText: target.message.slice(0, 40) });
      await hover.first().waitFor({ timeout: 20_000 });
      // Source and code, the code being a link to the rule's page ("vigil" then "jwt-missing-expiry").
      assert.match(await hover.first().innerText(), sourceAndCode(target));
      await page.screenshot({ path: path.join(screenshotDir, '1-hover.png') });
      await page.keyboard.press('Escape');

      // Vigil's status bar item counts the file's findings by severity (its icons render as no text).
      const severities = expectedFindings.map((f) => severityValue[f.severity]);
      const expectedStatus = statusText(countBySeverity(severities)).replace(/\$\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
      const status = page.locator('.statusbar-item', { hasText: expectedStatus });
      await status.first().waitFor({ timeout: 10_000 });

      // The Problems panel lists the findings with source "vigil" (a click on Vigil's status bar item opens it).
      await status.first().click();
      const rows = page.locator('.markers-panel .monaco-list-row', { hasText: /vigil\s*\(?[a-z-]+/ });
      await rows.first().waitFor({ timeout: 20_000 });
      const row = rowFor(page, target);
      await row.first().waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(screenshotDir, '2-problems.png') });

      // Caret on the finding, Ctrl+. , choose Vigil's fix.
      await page.mouse.click(at.x, at.y);
      const item = page.locator('.action-widget .monaco-list-row.action', { hasText: fix.title });
      timings['ui.lightbulbTries'] = await time('ui.lightbulb', () => openQuickFixMenu(page, item));
      await page.screenshot({ path: path.join(screenshotDir, '3-lightbulb.png') });
      await item.first().click();

      // The editor shows the fixed text; saved, the file on disk is exactly the core's fix applied; the finding goes.
      const expected = applyEdits(original, fix.edits);
      const fixedLine = expected.split('\n')[target.range.start.line]!.trim();
      // Playwright's text match treats the editor's U+00A0 spaces as spaces.
      await page.locator('.monaco-editor .view-line', { hasText: fixedLine }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+KeyS');
      const saved = await waitFor('the fixed file on disk', () => {
        const text = fs.readFileSync(file, 'utf8');
        return text !== original ? text : undefined;
      }, 15_000);
      assert.equal(saved, expected);
      await time('ui.findingGone', () => row.first().waitFor({ state: 'detached', timeout: 20_000 }));
      await page.screenshot({ path: path.join(screenshotDir, '4-fixed.png') });
    } catch (error) {
      await page.screenshot({ path: path.join(screenshotDir, 'ui-failure.png') }).catch(() => undefined);
      throw error;
    } finally {
      await browser.close();
    }
  });

  it('UI: the login route pasted in one piece is listed for review, reviewed through its checklist, and kept across reloads', async () => {
    const dir = run!;
    const workspace = dir.copyWorkspace(example, 'review-workspace');
    const app = fs.readFileSync(path.join(workspace, loginFile), 'utf8');
    const start = app.indexOf("app.post('/login'");
    const end = app.indexOf('\n});', start) + 4;
    const route = app.slice(start, end);
    const file = path.join(workspace, 'src/login.js');
    fs.writeFileSync(file, app.slice(0, start) + app.slice(end + 1));
    const findings = analyze({ text: app, fileName: loginFile }).findings.filter((f) => f.range.start.line >= lineOf(app, start) && f.range.start.line <= lineOf(app, end));
    const browser = await dir.launchChromium();
    await browser.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const lens = (title: RegExp | string) => page.locator('.monaco-editor .codelens-decoration a', { hasText: title });
    const viewRow = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Vigil: Inserted code/i }) }).locator('.monaco-list-row');
    const reload = async (step: string) => {
      await time(step, async () => {
        await page.reload();
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        // The editor comes back with the window; open the file again if it did not.
        const tab = page.locator('.tabs-container .tab', { hasText: 'login.js' });
        if (!(await tab.first().waitFor({ timeout: 15_000 }).then(() => true, () => false))) await openFromExplorer(page, 'src/login.js');
        await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
      });
    };
    try {
      await time('review.workbench', async () => {
        await page.goto(server!.url(workspace));
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      });
      await time('review.openFile', () => openFromExplorer(page, 'src/login.js'));

      // Vigil is active (its status bar item shows) before anything is pasted: changes before activation are not seen.
      await time('review.activated', () => page.locator('.statusbar-item', { hasText: /^Vigil/ }).first().waitFor({ timeout: 60_000 }));
      // A real paste: the route on the clipboard, the caret at the start of the health route, Ctrl+V.
      const health = page.locator('.monaco-editor .view-line', { hasText: "app.get('/health'" });
      await health.first().waitFor({ timeout: 30_000 });
      await health.first().click();
      await page.keyboard.press('Home');
      await page.keyboard.press('Home');
      // In the page, `navigator` is the browser's (this file compiles without the DOM's types).
      await page.evaluate((text) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(text), `${route}\n\n`);
      await page.keyboard.press('Control+KeyV');
      const summary = lens(`Inserted just now · ${findings.length} findings`);
      await time('review.lens', () => summary.first().waitFor({ timeout: 60_000 }));
      await page.screenshot({ path: path.join(screenshotDir, '5-inserted-lens.png') });

      // The view lists the block with its findings; the findings say they are in fresh code.
      await time('review.view', () => showInsertedView(page));
      await viewRow.filter({ hasText: `${findings.length} findings` }).first().waitFor({ timeout: 20_000 });
      await page.keyboard.press('Control+Shift+KeyM');
      const markedRows = page.locator('.markers-panel .monaco-list-row', { hasText: 'In code inserted' });
      await time('review.marked', () => markedRows.first().waitFor({ timeout: 20_000 }));
      await page.screenshot({ path: path.join(screenshotDir, '6-inserted-view-and-marks.png') });

      // Saved and reloaded: the block is still awaiting review.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+KeyS');
      await waitFor('the pasted route on disk', () => (fs.readFileSync(file, 'utf8').includes(route) ? true : undefined), 15_000);
      await page.waitForTimeout(1000);
      await reload('review.reload1');
      await time('review.lensAfterReload', () => lens(/^Inserted .* · \d+ findings$/).first().waitFor({ timeout: 60_000 }));
      await page.screenshot({ path: path.join(screenshotDir, '7-after-reload.png') });

      // The checklist: every question ticked marks the block reviewed.
      await lens('Review checklist').first().click();
      const quickPick = page.locator('.quick-input-widget');
      await quickPick.locator('.monaco-list-row', { hasText: 'parameter' }).first().waitFor({ timeout: 30_000 });
      const questions = await quickPick.locator('.monaco-list-row').count();
      assert.ok(questions >= findings.length + 1, `${questions} questions`);
      // Each question ticked in turn, as a reviewer goes through them; then OK.
      for (let i = 0; i < questions; i++) {
        const row = quickPick.locator('.monaco-list-row').nth(i);
        await row.click();
        await quickPick.locator('.quick-input-count, .monaco-count-badge', { hasText: `${i + 1} Selected` }).first().waitFor({ timeout: 5000 });
      }
      await page.screenshot({ path: path.join(screenshotDir, '8-checklist.png') });
      await page.keyboard.press('Enter');
      await time('review.reviewed', () => lens('Review checklist').first().waitFor({ state: 'detached', timeout: 20_000 }));
      await page.waitForTimeout(1000);

      // Reloaded again: still reviewed, no lens, no marks.
      await reload('review.reload2');
      await page.locator('.monaco-editor .view-line', { hasText: "app.post('/login'" }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+Shift+KeyM');
      await page.locator('.markers-panel .monaco-list-row', { hasText: /vigil/ }).first().waitFor({ timeout: 60_000 });
      assert.equal(await lens(/Inserted|Review checklist/).count(), 0, 'the lens came back after the reload');
      assert.equal(await markedRows.count(), 0, 'the marks came back after the reload');
      await page.screenshot({ path: path.join(screenshotDir, '9-reviewed-after-reload.png') });
    } catch (error) {
      await page.screenshot({ path: path.join(screenshotDir, 'review-failure.png') }).catch(() => undefined);
      throw error;
    } finally {
      await browser.close();
    }
  });

  it('extension host: the mocha suite in test/e2e/suite passes with the real vscode API', async () => {
    const dir = run!;
    const workspace = dir.copyWorkspace(example, 'exthost-workspace');
    const resultFile = path.join(dir.root, 'exthost-result.json');
    const browser = await dir.launchChromium();
    const page = browser.pages()[0] ?? (await browser.newPage());
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    try {
      // When the suite's run() settles, the workbench calls window.codeAutomationExit(code).
      let exitCode: number | undefined;
      await page.exposeFunction('codeAutomationExit', (code: number) => {
        exitCode = code;
      });
      await page.goto(server!.url(workspace, { extensionPath: repoRoot, testsPath: suiteEntry }));
      const code = await time('exthost.suite', () => waitFor('the extension-host suite to finish', () => exitCode, 5 * 60_000));
      const result: unknown = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
      const report = `${JSON.stringify(result, null, 2)}\n${consoleLines.filter((l) => /passing|failing|pending|✔|\d+\) /.test(l)).join('\n')}`;
      console.log(`    extension-host suite: ${JSON.stringify(result)}`);
      assert.equal(code, 0, report);
      assert.ok(result && (result as { failures: number }).failures === 0 && (result as { passes: number }).passes > 0, report);
    } finally {
      await browser.close();
    }
  });
});

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

/** Opens the "Vigil: Inserted code" view in the Explorer (its command focuses it, expanded). */
async function showInsertedView(page: Page): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Vigil: Show inserted code');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Show inserted code' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.pane-header', { hasText: /Vigil: Inserted code/i }).first().waitFor({ timeout: 10_000 });
}

/**
 * The login file's findings as the server reports them once the workspace's project index is built: `src/db.js`
 * exports a pg Pool, so the SQL fix is pg's own ("Parameterize query"), not a guess from the file alone.
 */
function serverFindings(workspace: string, text: string): Finding[] {
  return new Workspace({ fallbackRoot: workspace }).analyzeText(path.join(workspace, loginFile), text).findings;
}

/**
 * The finding the UI test fixes: the SQL injection the issue names ("Parameterize query") if the file has one,
 * else the first finding with a fix. Alone on its line and wide, so the hover lands on it and on nothing else.
 */
function firstFixableFinding(findings: readonly Finding[]): Finding & { fixes: [Fix, ...Fix[]] } {
  const alone = (f: Finding): boolean => findings.filter((g) => g.range.start.line === f.range.start.line).length === 1;
  const fixable = findings.filter((f) => f.fixes.length > 0 && alone(f));
  const finding = fixable.find((f) => f.ruleId === 'sql-injection') ?? fixable[0];
  assert.ok(finding, `no finding with a fix, alone on its line, in ${example}/${loginFile}`);
  return finding as Finding & { fixes: [Fix, ...Fix[]] };
}

/** Expands the folders of `relative` in the Explorer and opens the file, as a person would. */
async function openFromExplorer(page: Page, relative: string): Promise<void> {
  for (const name of relative.split('/')) {
    const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
  }
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
}

/**
 * The screen point in the middle of a finding's range. Squiggles are drawn behind the text, so the point is found
 * from the line's rendered text (monospace: width / length per character), not from the squiggle element.
 */
async function screenPoint(page: Page, text: string, finding: Finding): Promise<{ x: number; y: number }> {
  const lineText = text.split('\n')[finding.range.start.line]!;
  // Visible only: another editor's lines may stay in the page, hidden. And Monaco replaces a line's element when
  // decorations arrive, so a box read between two renders can be null: it is read again until it is there.
  const line = page.locator('.monaco-editor .view-line').filter({ hasText: lineText.trim().slice(0, 30), visible: true });
  const box = await waitFor(`line ${finding.range.start.line + 1} rendered`, async () => {
    const found = await line.first().locator(':scope > span').boundingBox({ timeout: 1_000 }).catch(() => null);
    return found ?? undefined;
  }, 10_000);
  const charWidth = box.width / lineText.length;
  const middle = (finding.range.start.character + Math.min(finding.range.end.character, lineText.length)) / 2;
  return { x: box.x + charWidth * middle, y: box.y + box.height / 2 };
}

/** "vigil(rule-id)", or "vigil" and "rule-id" apart where the code is rendered as a link. */
function sourceAndCode(finding: Finding): RegExp {
  return new RegExp(`vigil\\s*\\(?${finding.ruleId}\\b`);
}

/** The Problems row of a finding: "message vigil(rule-id) [Ln l, Col c]". */
function rowFor(page: Page, finding: Finding) {
  const { line, character } = finding.range.start;
  return page
    .locator('.markers-panel .monaco-list-row', { hasText: sourceAndCode(finding) })
    .filter({ hasText: `[Ln ${line + 1}, Col ${character + 1}]` });
}

/**
 * Ctrl+. asks every code-action provider, the built-in TypeScript one too; a request made while tsserver is still
 * loading the project can leave the menu unshown, so press again (as a person would) until the item shows.
 */
async function openQuickFixMenu(page: Page, item: ReturnType<Page['locator']>, attempts = 12): Promise<number> {
  for (let i = 1; i <= attempts; i++) {
    await page.keyboard.press('Control+Period');
    if (await item.first().waitFor({ timeout: 5000 }).then(() => true, () => false)) return i;
    await page.keyboard.press('Escape');
  }
  throw new Error(`the quick-fix menu did not show the item after ${attempts} tries`);
}
