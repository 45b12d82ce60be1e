/**
 * Preloaded (`node --require out/bench/report-rss.js …`) into a measured tool's process: when it exits, writes
 * its peak resident set size and the CPU time it used, worker threads included, on stderr. Works for any Node CLI, on every platform
 * Node runs on, without `/usr/bin/time`.
 */
import * as fs from 'node:fs';
import { rssPrefix } from './markers';

process.on('exit', () => {
  // Synchronous: the event loop is gone by now, so a stream write might never be flushed.
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  fs.writeSync(2, `\n${rssPrefix}${JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs })}\n`);
});
