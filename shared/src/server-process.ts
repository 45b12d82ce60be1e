/**
 * How the language server's Node process is started: the flags and environment the editor's client passes, which the
 * protocol tests and `npm run bench:lsp` pass too, so they measure the process users run.
 *
 * `--max-semi-space-size=8` (MB; V8's default is 16 on 64-bit machines): the young generation holds what one
 * analysis allocates and drops, and V8 keeps its semi-spaces at their grown size, which was 30 MB of the server's
 * RSS. With 4 MB the server holding 200 open files used 24 MB less, and analysing them took no more CPU; but a
 * keystroke in a 2,000-line file, which allocates several megabytes, paid for two or three collections: 8 MB made
 * those edits about 10 % faster (token edits: median 9.2 → 8.3 ms, p95 16.9 → 14.5) for 0–8 MB more with 200 files
 * open (130–140 MB), where 16 MB took it to 148–166 MB.
 *
 * `--heap-growing-percent=50`: how far the old generation may grow past what outlived the last full collection
 * before the next one. V8 sizes that headroom from the machine's memory, up to 4 × the live data, and gives none of
 * it back while the server idles: with 200 files open and analysed the server held 39 MB of live objects in a heap
 * grown to 101 MB, and 30 s idle did not shrink it. At 50 % the server holding those files used about 25 MB less.
 * 25 % saved 8 MB more but made edits of a 10,000-line file about 10 % slower (its tree and facts outlive the young
 * generation, and full collections came during its analysis); at 50 % the difference was within the noise. The
 * server sets it on itself when it was not started with it (server/src/lsp/heap-growth.ts).
 */
export const serverExecArgv: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=50'];

/**
 * Added to the server's environment. `MALLOC_ARENA_MAX=2`: glibc gives threads that allocate at once their own
 * malloc arenas, up to 8 per core, and V8's compiler and collector threads spread what they allocate and free over
 * several; with two arenas the server holding 200 open files used 13 MB less, and edits were no slower beyond the
 * noise. glibc reads it when the process starts, so it cannot be set from inside; other C libraries (macOS, Windows,
 * musl) ignore it.
 */
export const serverEnv: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
