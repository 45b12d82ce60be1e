/**
 * The apply-and-reanalyse harness every fix goes through: the result parses, the finding is gone, analysing
 * again adds no finding, and applying again changes nothing (the finding that offered the fix is gone, and
 * `applyUntilDone` reaches a text on which no finding offers it any more).
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/fix';
import type { AnalysisResult, Finding, Fix } from '../../server/src/core/types';

export function run(text: string, fileName: string): AnalysisResult {
  const result = analyze({ text, fileName });
  assert.deepEqual(result.internalErrors, [], `internal errors on ${fileName}`);
  return result;
}

function count(findings: readonly Finding[], ruleId: string): number {
  return findings.filter((f) => f.ruleId === ruleId).length;
}

/** Applies one fix of one finding and checks the four promises; returns the fixed text. */
export function checkFix(text: string, fileName: string, finding: Finding, fix: Fix): string {
  const before = run(text, fileName);
  const fixed = applyEdits(text, fix.edits);
  const after = run(fixed, fileName);
  const where = `"${fix.title}" for ${finding.ruleId} at ${fileName}:${finding.range.start.line + 1}`;
  assert.ok(after.parseErrors.length <= before.parseErrors.length, `${where}: the result does not parse: ${after.parseErrors[0]?.message}\n${fixed}`);
  assert.equal(count(after.findings, finding.ruleId), count(before.findings, finding.ruleId) - 1, `${where}: the finding is not gone\n${fixed}`);
  const others = (r: AnalysisResult): number => r.findings.filter((f) => f.ruleId !== finding.ruleId).length;
  assert.ok(others(after) <= others(before), `${where}: the fix added findings of other rules\n${fixed}`);
  return fixed;
}

/** Applies the first fix titled `title` until no finding of `ruleId` offers it; checks each step. */
export function applyUntilDone(text: string, fileName: string, ruleId: string, title: string): string {
  let current = text;
  for (let i = 0; i < 50; i++) {
    const finding = run(current, fileName).findings.find((f) => f.ruleId === ruleId && f.fixes.some((x) => x.title === title));
    if (!finding) return current;
    current = checkFix(current, fileName, finding, finding.fixes.find((x) => x.title === title)!);
  }
  throw new Error(`"${title}" is still offered after 50 applications on ${fileName}`);
}
