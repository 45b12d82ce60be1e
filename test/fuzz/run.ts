/**
 * `npm run fuzz -- --messages 100000 [--sequences 5000] [--seed 1]`: the long run of the LSP fuzzer. Prints the
 * counts (crashes, hangs, stale publishes, mismatches) and the first problems; exits 1 if any count is not zero.
 */
import '../../server/src/core/typescript-plain';
import { parseArgs } from 'node:util';
import { fuzz, type FuzzCounts } from './lsp-fuzzer';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { messages: { type: 'string', default: '100000' }, sequences: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const messages = Number(values.messages);
  const sequences = values.sequences === undefined ? Math.ceil(messages / 20) : Number(values.sequences);
  const seed = Number(values.seed);
  if (![messages, sequences, seed].every((n) => Number.isInteger(n) && n >= 0)) {
    process.stderr.write('usage: npm run fuzz -- [--messages N] [--sequences N] [--seed N]\n');
    return 2;
  }
  const started = Date.now();
  const line = (c: FuzzCounts): string =>
    `messages sent ${c.messagesSent}, edit sequences ${c.sequences}: crashes ${c.crashes}, hangs ${c.hangs}, stale publishes ${c.stalePublishes}, mismatches ${c.mismatches}`;
  let last = 0;
  const counts = await fuzz({
    seed,
    messages,
    sequences,
    progress: (c) => {
      if (Date.now() - last < 10_000) return;
      last = Date.now();
      process.stderr.write(`… ${line(c)} (${Math.round((Date.now() - started) / 1000)} s)\n`);
    },
  });
  process.stdout.write(`seed ${seed}: ${line(counts)} in ${Math.round((Date.now() - started) / 1000)} s\n`);
  for (const problem of counts.problems) process.stdout.write(`  ${problem.split('\n')[0]}\n`);
  return counts.crashes + counts.hangs + counts.stalePublishes + counts.mismatches === 0 ? 0 : 1;
}

void main().then((code) => process.exit(code));
