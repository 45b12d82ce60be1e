/**
 * One order for a SARIF log's results and notifications, by file, position, rule and message: a scan and the merge
 * of its shards then write the same log, whatever order the files were analysed in.
 */
import type * as Sarif from 'sarif';

function locationKey(locations: readonly Sarif.Location[] | undefined): [string, number, number] {
  const physical = locations?.[0]?.physicalLocation;
  const region = physical?.region;
  return [physical?.artifactLocation?.uri ?? '', region?.startLine ?? 0, region?.startColumn ?? 0];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareResults(a: Sarif.Result, b: Sarif.Result): number {
  const [fileA, lineA, columnA] = locationKey(a.locations);
  const [fileB, lineB, columnB] = locationKey(b.locations);
  return compareText(fileA, fileB) || lineA - lineB || columnA - columnB
    || compareText(a.ruleId ?? '', b.ruleId ?? '') || compareText(a.message.text ?? '', b.message.text ?? '');
}

export function compareNotifications(a: Sarif.Notification, b: Sarif.Notification): number {
  const [fileA] = locationKey(a.locations);
  const [fileB] = locationKey(b.locations);
  return compareText(fileA, fileB) || compareText(a.message.text ?? '', b.message.text ?? '');
}
