/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Every registered rule is described (so an alert
 * links to its help even when the rule found nothing this run), paths are relative to %SRCROOT% (the folder the
 * scan ran in), and each result carries `partialFingerprints` so alerts survive edits elsewhere in the file.
 */
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'node:url';
import { type RuleDescription, type Severity, docsUrl } from '../core/workspace-settings';
import { describeAttribution } from './attributed-findings';
import { ScanOutcome, displayPath } from './outcome';
import { informationUri, ruleDoc, version } from './package-info';
import { compareNotifications, compareResults } from './sarif-order';

const levels: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** GitHub's scale: over 9.0 critical, 7.0 high, 4.0 medium, else low. */
const securitySeverity: Record<Severity, string> = { error: '8.0', warning: '6.0', info: '3.0', hint: '1.0' };

function describeRule(meta: RuleDescription): Sarif.ReportingDescriptor {
  const doc = ruleDoc(meta.id);
  // GitHub groups alerts by CWE through CodeQL's `external/cwe/cwe-<n>` tag form.
  const tags = meta.sources.map((s) => s.replace(/^CWE-(\d+)$/i, 'external/cwe/cwe-$1'));
  const properties: Sarif.PropertyBag = { tags: [meta.category, ...tags], precision: 'high' };
  if (meta.category === 'security') properties['security-severity'] = securitySeverity[meta.defaultSeverity];
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_, __: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    helpUri: docsUrl(meta.id),
    help: { text: `${meta.description}\n\n${docsUrl(meta.id)}`, markdown: doc ?? `${meta.description}\n\n[Documentation](${docsUrl(meta.id)})` },
    defaultConfiguration: { level: levels[meta.defaultSeverity] },
    properties,
  };
}

export function formatSarif(outcome: ScanOutcome, rules: readonly RuleDescription[]): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = outcome.reports.flatMap((report) => {
    const uri = displayPath(report.file, outcome.cwd);
    return report.findings.map((f): Sarif.Result => {
      const region: Sarif.Region = {
        startLine: f.range.start.line + 1,
        startColumn: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      };
      const result: Sarif.Result = {
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: levels[f.severity],
        message: { text: f.attribution ? `${f.message} ${describeAttribution(f.attribution)}` : f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }],
        partialFingerprints: { primaryLocationLineHash: f.fingerprint },
      };
      // Agent Trace's own words, so other tools reading the log find the attribution where they would look.
      if (f.attribution) {
        const { contributor, modelId, revision, tool, reviewed } = f.attribution;
        result.properties = { agentTrace: { contributor: { type: contributor, ...(modelId ? { model_id: modelId } : {}) }, revision, ...(tool ? { tool } : {}), reviewed } };
      }
      const safe = f.fixes.filter((fix) => fix.safe);
      if (safe.length > 0) {
        result.fixes = safe.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [{
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            replacements: fix.edits.map((e) => ({
              deletedRegion: {
                startLine: e.range.start.line + 1,
                startColumn: e.range.start.character + 1,
                endLine: e.range.end.line + 1,
                endColumn: e.range.end.character + 1,
              },
              insertedContent: { text: e.newText },
            })),
          }],
        }));
      }
      return result;
    });
  });
  const notifications: Sarif.Notification[] = outcome.summary.skipped.map((s) => ({
    level: 'note',
    message: { text: `${s.path}: ${s.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: s.path, uriBaseId: '%SRCROOT%' } } }],
  }));
  results.sort(compareResults);
  notifications.sort(compareNotifications);
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Vigil', version, semanticVersion: version, informationUri, rules: rules.map(describeRule) } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(outcome.cwd + '/').href } },
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
