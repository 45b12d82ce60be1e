/**
 * How the language server's Node process is started: the flags and environment the editor's client passes, which the
 * protocol tests and `npm run bench:lsp` pass too, so they measure the process users run.
 *
 * `--max-semi-space-size=4` (MB; V8's default is 16 on 64-bit machines): the young generation holds what one
 * analysis allocates and drops, and V8 keeps its semi-spaces at their grown size, which was 30 MB of the server's
 * RSS. With 4 MB the server holding 200 open files used 24 MB less, and analysing them took no more CPU (the
 * objects an analysis keeps are few; a smaller nursery is scanned as fast and stays in cache).
 */
export const serverExecArgv: readonly string[] = ['--max-semi-space-size=4'];

/**
 * Added to the server's environment. `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates its own malloc
 * arena, up to 8 per core, and V8's compiler and collector threads each kept one holding memory freed long ago;
 * with two arenas the server holding 200 open files used 13 MB less. glibc reads it when the process starts, so it
 * cannot be set from inside; other C libraries (macOS, Windows, musl) ignore it.
 */
export const serverEnv: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
