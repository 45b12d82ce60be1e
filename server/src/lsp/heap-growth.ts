/**
 * How far the language server lets V8's heap grow past what its last full collection kept alive. V8 sizes that
 * headroom from the machine's memory, up to 4 × the live data, and a server process never hands the space back:
 * with 200 files open and analysed it held 35 MB of live objects in a heap grown to 100 MB, and 30 s idle did not
 * shrink it (V8's memory reducer did not run). At 25 % the next full collection comes after about 9 MB of objects
 * that outlived the young generation; an analysis's own garbage mostly dies young, in the semi-spaces, which this
 * does not touch.
 *
 * Set by the process itself because `vigil-language-server --stdio` gives no way to pass V8 flags; V8 reads this
 * one each time it sets the next collection's limit, so it applies from the first collection after start.
 */
import * as v8 from 'node:v8';

export const heapGrowingPercent = 25;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
