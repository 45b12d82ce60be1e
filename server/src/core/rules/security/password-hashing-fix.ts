/**
 * The code the password rules' fixes write: `bcrypt.compare` / `bcrypt.hash` with the file's bcrypt import
 * (`bcrypt` or `bcryptjs`), or `argon2.verify` / `argon2.hash` in a file that already uses argon2, adding the
 * import when it is missing. Both need `await`, so they are offered only inside an async function.
 */
import type { Facts } from '../../facts/facts';
import type { OffsetEdit } from '../../rule';
import { addDefaultImport } from '../../fixers/add-import';

/** bcrypt's cost factor in new hashes: OWASP's floor is 10; 12 is the common choice today. */
export const bcryptRounds = 12;

interface Hasher {
  library: 'bcrypt' | 'argon2';
  module: string;
}

function hasherFor(facts: Facts): Hasher {
  if (facts.importsLibrary('argon2')) return { library: 'argon2', module: 'argon2' };
  const bcrypt = facts.imports.find((i) => i.library === 'bcrypt');
  return { library: 'bcrypt', module: bcrypt?.module ?? 'bcrypt' };
}

export interface HashingCode {
  /** The expression to write, starting with `await`. */
  code: string;
  /** The import to add, when the file lacks one. */
  importEdit?: OffsetEdit;
  /** "bcrypt" or "argon2", for the fix's title. */
  library: string;
}

function withImport(facts: Facts, make: (name: string, hasher: Hasher) => string): HashingCode {
  const hasher = hasherFor(facts);
  const { name, edit } = addDefaultImport(facts, { module: hasher.module, localName: hasher.library });
  return { code: make(name, hasher), importEdit: edit, library: hasher.library };
}

/** `await bcrypt.compare(plain, stored)` or `await argon2.verify(stored, plain)`. */
export function verifyCode(facts: Facts, plain: string, stored: string): HashingCode {
  return withImport(facts, (name, h) => (h.library === 'argon2' ? `await ${name}.verify(${stored}, ${plain})` : `await ${name}.compare(${plain}, ${stored})`));
}

/** `await bcrypt.hash(plain, 12)` or `await argon2.hash(plain)`. */
export function hashCode(facts: Facts, plain: string): HashingCode {
  return withImport(facts, (name, h) => (h.library === 'argon2' ? `await ${name}.hash(${plain})` : `await ${name}.hash(${plain}, ${bcryptRounds})`));
}

