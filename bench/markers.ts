/** The line prefixes measured processes use to hand figures back to the bench. */
export const resultPrefix = 'bench-result ';
export const rssPrefix = 'bench-rss ';
/** What `vigil scan --stats` writes on stderr. */
export const vigilStatsPrefix = 'vigil-stats ';

/** The JSON after `prefix` on the last line that starts with it, or undefined. */
export function markedJson<T>(output: string, prefix: string): T | undefined {
  const line = output.split('\n').reverse().find((l) => l.startsWith(prefix));
  if (line === undefined) return undefined;
  try {
    return JSON.parse(line.slice(prefix.length)) as T;
  } catch {
    return undefined;
  }
}
