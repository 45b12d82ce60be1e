// expect: none
import { createHash } from 'node:crypto';

// A checksum helper: whatever it is given leaves as MD5.
export function digest(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
