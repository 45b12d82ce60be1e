/**
 * Code nested thousands of levels deep (generated code, or a document being fuzzed) exhausts the stack of a
 * recursive parser or walk. That is a limit of the input, not a fault of Vigil's: it is reported to the user as
 * "not analysed" or "partly analysed", never as an internal error, and never leaves old results standing.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

export const nestedTooDeeply = 'not analysed: nested too deeply for the parser';
