// fix: Hash with argon2
import argon2 from 'argon2';
import { createHash } from 'node:crypto';

export async function verify(hash: string, password: string) {
  return argon2.verify(hash, password);
}

export async function hashLegacy(password: string) {
  return createHash('sha1').update(password).digest('hex');
}
