/**
 * A source file as `vigil scan` reads it: its bytes, and its text when the bytes are UTF-8. A file that is not
 * valid UTF-8 is still analysed (its invalid bytes read as U+FFFD) but never fixed: writing that text back
 * would replace every invalid byte.
 */
import * as fs from 'node:fs';

export interface SourceFile {
  bytes: Buffer;
  text: string;
  /** False when decoding replaced bytes: the text cannot be written back. */
  validUtf8: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readSourceFile(file: string): SourceFile {
  const bytes = fs.readFileSync(file);
  try {
    return { bytes, text: strict.decode(bytes), validUtf8: true };
  } catch {
    return { bytes, text: bytes.toString('utf8'), validUtf8: false };
  }
}
