/**
 * Preloaded (`node --require out/bench/report-rss.js …`) into a measured tool's process: when it exits, writes
 * its peak resident set size, worker threads included, on stderr. Works for any Node CLI, on every platform
 * Node runs on, without `/usr/bin/time`.
 */
import * as fs from 'node:fs';
import { rssPrefix } from './markers';

process.on('exit', () => {
  // Synchronous: the event loop is gone by now, so a stream write might never be flushed.
  fs.writeSync(2, `\n${rssPrefix}${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
