/**
 * Multipart upload parsers that hand their caller the client's form fields and file names through callbacks:
 * busboy's `file` and `field` events, formidable's `parse(req, (err, fields, files) => …)` and its events.
 * (multer puts them on the request, `req.file.originalname` and `req.body`, which the request sources cover.)
 */
import type { LibraryId } from './types';

/** A callback the parser calls with client data, and which of its parameters hold that data. */
export interface UploadCallback {
  /** The event name, for `parser.on(event, callback)`. */
  event?: string;
  /** The method taking the callback as its last argument, for `form.parse(req, callback)`. */
  method?: string;
  /** The callback's parameters that are client data (field names and values, file names and infos). */
  parameters: readonly number[];
}

export const uploadCallbacks: Readonly<Partial<Record<LibraryId, readonly UploadCallback[]>>> = {
  // `bb.on('file', (name, stream, info) => …)`: the stream is the content; `info.filename` is the client's.
  busboy: [
    { event: 'file', parameters: [0, 2, 3] },
    { event: 'field', parameters: [0, 1] },
  ],
  formidable: [
    { method: 'parse', parameters: [1, 2] },
    { event: 'file', parameters: [0, 1] },
    { event: 'field', parameters: [0, 1] },
  ],
};
