/**
 * The heap growth limit of shared/src/server-process.ts for a server started without it: `vigil-language-server
 * --stdio` from another editor gives no way to pass V8 flags. V8 reads this flag each time it sets the next full
 * collection's limit, so set at start it applies from the first one. Started by the editor's client it comes on the
 * command line, and the flags are left alone: a V8 embedded elsewhere than in Node may refuse flags changed at run
 * time.
 */
import * as v8 from 'node:v8';
import { serverExecArgv } from '../../../shared/src/server-process';

export function limitHeapGrowth(): void {
  const flag = serverExecArgv.find((a) => a.startsWith('--heap-growing-percent='));
  if (flag && !process.execArgv.includes(flag)) v8.setFlagsFromString(flag);
}
