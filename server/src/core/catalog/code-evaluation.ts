/**
 * What runs a string as JavaScript: the globals (`eval`, `Function`, a string given to a timer) and the `vm`
 * module's functions and `Script` constructor. The code is the first argument, except for `Function`, whose
 * every argument is compiled (the last is the body).
 */

/** Globals that compile their string arguments. */
export const evaluatingGlobals: ReadonlySet<string> = new Set(['eval', 'Function']);
/** Timers that compile a string given instead of a function. */
export const stringTimers: ReadonlySet<string> = new Set(['setTimeout', 'setInterval']);
/** `vm` functions whose first argument is code. */
export const vmRunners: ReadonlySet<string> = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']);
/** `vm` constructors whose first argument is code. */
export const vmConstructors: ReadonlySet<string> = new Set(['Script']);
/** The names the global object goes by, through which globals are called too (`window.setTimeout`). */
export const globalObjectNames = /^(window|globalThis|global|self)$/;
