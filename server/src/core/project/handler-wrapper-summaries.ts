/**
 * The handler-wrapper part of a file's export summaries: `catchAsync`, `wrap`, `asyncHandler` written in the
 * project (facts/handler-wrappers.ts), so that the function a route or controller of another file wraps with it
 * is a request handler there too.
 */
import { wrappedParameter } from '../facts/handler-wrappers';
import type { ExportSummary } from './export-summary';
import type { ExportSummarizer } from './export-summaries';

export const handlerWrapperSummaries: ExportSummarizer = (_facts, _exported, summarised) => {
  const out: Record<string, ExportSummary> = {};
  for (const { fn, key } of summarised) {
    const wraps = fn.parameters.length > 0 ? wrappedParameter(fn) : undefined;
    if (wraps !== undefined) out[key] = { wraps };
  }
  return out;
};
