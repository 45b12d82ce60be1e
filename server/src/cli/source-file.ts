/**
 * A source file as `vigil scan` reads it: its bytes, and its text when the bytes are UTF-8. A file that is not
 * valid UTF-8 is still analysed (its invalid bytes read as U+FFFD) but never fixed: writing that text back
 * would replace every invalid byte.
 */
import * as fs from 'node:fs';

export interface SourceFile {
  bytes: Buffer;
  /** Without the byte order mark: columns count from the first character an editor shows. */
  text: string;
  /** Bytes of the byte order mark before `text` (0 or 3); kept as they are when fixes are written. */
  bomBytes: number;
  /** False when decoding replaced bytes: the text cannot be written back. */
  validUtf8: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readSourceFile(file: string): SourceFile {
  const bytes = fs.readFileSync(file);
  const bomBytes = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bomBytes);
  try {
    return { bytes, text: strict.decode(body), bomBytes, validUtf8: true };
  } catch {
    return { bytes, text: body.toString('utf8'), bomBytes, validUtf8: false };
  }
}
