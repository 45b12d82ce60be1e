/**
 * Which calls compute a fast digest (MD5, SHA-1, SHA-2, SHA-3) of a value, with which algorithm: Node's
 * `createHash(alg).update(x)`, its one-shot `crypto.hash(alg, x)`, Web Crypto's `subtle.digest(alg, x)`, and the
 * digest packages (`md5(x)`, `CryptoJS.SHA256(x)`). weak-password-hash asks it where a password is hashed, and
 * the summary of a function asks it whether the function hashes one of its parameters (a `digest()` helper).
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { factKey } from './facts';
import { cryptoJs, digestPackages } from '../catalog';
import { calleeName, calleeObject, dottedName, memberName, stringText, unwrap } from './syntax';

export interface DigestCall {
  /** As a message names it: `MD5`, `SHA-256`. */
  algorithm: string;
  /** The value digested. */
  data: ts.Expression;
  /** Where a finding about it goes: the `createHash(…)` call, or the digest call itself. */
  at: ts.Node;
  /** The whole expression that yields the digest, when one expression does (`createHash(a).update(x).digest()`, `md5(x)`). */
  whole: ts.Expression | undefined;
}

/** Fast digests: fine for checksums, hopeless for passwords. HMAC, PBKDF2 and scrypt are not matched here. */
const fastDigest = /^(md4|md5|sha-?1|sha-?224|sha-?256|sha-?384|sha-?512(-224|-256)?|sha3-\d+|ripemd-?160|rmd160|whirlpool)$/i;

function algorithmName(alg: string): string {
  return alg.toUpperCase().replace(/^SHA-?(\d)/, 'SHA-$1').replace(/^SHA-1$/, 'SHA-1');
}

/** The fast digest `call` computes, if it computes one. */
export function digestCallOf(call: ts.CallExpression, facts: Facts): DigestCall | undefined {
  return facts.memo(digestFact, call, () => computeDigest(call, facts));
}

const digestFact = factKey<DigestCall | undefined>('digest call');

function computeDigest(call: ts.CallExpression, facts: Facts): DigestCall | undefined {
  const name = calleeName(call);
  if (name === undefined) return undefined;
  const data = call.arguments[0];
  if (name === 'update') {
    const hash = data && createHashAlgorithm(call, facts);
    if (!data || !hash) return undefined;
    const { outer, digested } = outerChain(call);
    // Only a one-expression chain yields the digest; a hash object fed in steps does not.
    const whole = digested && unwrap(calleeObject(call)!) === hash.root;
    return { algorithm: hash.algorithm, data, at: hash.root, whole: whole ? outer : undefined };
  }
  // Node 21's one-shot `crypto.hash('sha256', data)` and Web Crypto's `crypto.subtle.digest('SHA-256', data)`.
  if ((name === 'hash' && isNodeCrypto(call.expression, facts)) || (name === 'digest' && /(^|\.)subtle$/.test(dottedName(calleeObject(call) ?? call.expression) ?? ''))) {
    const algorithm = literalAlgorithm(call.arguments[0], facts);
    const hashed = call.arguments[1];
    return algorithm && hashed ? { algorithm, data: hashed, at: call, whole: undefined } : undefined;
  }
  if (!data || memberName(call.expression) === 'update') return undefined;
  const firstWord = ts.isIdentifier(unwrap(call.expression)) ? name : (dottedName(call.expression) ?? name);
  if (!/md5|sha|ripemd/i.test(firstWord)) return undefined;
  const algorithm = packageDigest(call, facts);
  return algorithm ? { algorithm, data, at: call, whole: call } : undefined;
}

/** The algorithm a `createHash(…)`-style argument names, when written as a literal or a `const`. */
function literalAlgorithm(expr: ts.Expression | undefined, facts: Facts): string | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  let text = stringText(e);
  if (text === undefined && ts.isObjectLiteralExpression(e)) {
    const name = e.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'name');
    text = name && ts.isPropertyAssignment(name) ? stringText(unwrap(name.initializer)) : undefined;
  }
  if (text === undefined && ts.isIdentifier(e)) {
    const declared = facts.constInitializer(e);
    text = declared && stringText(unwrap(declared));
  }
  return text !== undefined && fastDigest.test(text) ? algorithmName(text) : undefined;
}

/** Node's crypto, through an import, a require, or the bare `crypto` name a snippet leaves undeclared. */
function isNodeCrypto(expr: ts.Expression, facts: Facts): boolean {
  const ref = facts.libraryOf(expr);
  if (ref) return ref.library === 'crypto';
  const e = unwrap(expr);
  const root = ts.isPropertyAccessExpression(e) ? unwrap(e.expression) : e;
  return ts.isIdentifier(root) && root.text === 'crypto' && facts.resolve(root) === undefined;
}

/** `crypto.createHash(alg)` at the root of an `.update(…)` chain: its algorithm when it is a fast digest. */
function createHashAlgorithm(update: ts.CallExpression, facts: Facts): { algorithm: string; root: ts.CallExpression } | undefined {
  let e = calleeObject(update) && unwrap(calleeObject(update)!);
  while (e && ts.isCallExpression(e) && calleeName(e) === 'update') e = calleeObject(e) && unwrap(calleeObject(e)!);
  // `const h = createHash('sha256'); h.update(password)`: a hash object fed in steps.
  if (e && ts.isIdentifier(e)) {
    const decl = facts.resolve(e);
    e = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  }
  if (!e || !ts.isCallExpression(e) || calleeName(e) !== 'createHash' || !isNodeCrypto(e.expression, facts)) return undefined;
  const algorithm = literalAlgorithm(e.arguments[0], facts);
  return algorithm ? { algorithm, root: e } : undefined;
}

/** The whole `createHash(…).update(…)….digest(…)` chain around an update call, and whether it ends in a digest. */
function outerChain(update: ts.CallExpression): { outer: ts.Expression; digested: boolean } {
  let outer: ts.Expression = update;
  for (;;) {
    const access = outer.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || !ts.isCallExpression(access.parent) || access.parent.expression !== access) break;
    outer = access.parent;
    if (access.name.text === 'digest') return { outer, digested: true };
    if (access.name.text !== 'update') break;
  }
  return { outer, digested: false };
}

/** What a package's digest call is: `md5(pw)`, `sha256.hex(pw)`, `CryptoJS.SHA256(pw)`, `import SHA256 from 'crypto-js/sha256'`. */
function packageDigest(call: ts.CallExpression, facts: Facts): string | undefined {
  const callee = unwrap(call.expression);
  const ref = facts.libraryOf(callee);
  if (ref) {
    if (ref.library === cryptoJs.id) {
      const member = ts.isPropertyAccessExpression(callee) ? callee.name.text : ref.exportName;
      return member !== undefined && cryptoJs.digestMember.test(member) ? algorithmName(member) : undefined;
    }
    const sub = cryptoJs.digestModule.exec(ref.module);
    if (sub) return algorithmName(sub[1]);
    const digest = ref.library === undefined ? undefined : digestPackages[ref.library];
    if (!digest) return undefined;
    // `sha256.hmac(key, data)` is keyed; the plain call and `.hex()` / `.array()` are the digest.
    return ts.isPropertyAccessExpression(callee) && /hmac/i.test(callee.name.text) ? undefined : digest;
  }
  // A snippet that calls `md5(…)` / `sha256(…)` with nothing in the file declaring it.
  if (ts.isIdentifier(callee) && facts.resolve(callee) === undefined) {
    const m = /^(md5|sha1|sha256|sha512)$/i.exec(callee.text);
    return m ? algorithmName(m[1]) : undefined;
  }
  return undefined;
}

/**
 * Authentication protocols that fix the digest of the password themselves (NTLM's MD4, HTTP Digest authentication,
 * CRAM-MD5): code speaking them computes a protocol message, it does not store a password.
 */
const protocolFunction = /ntlm|ntowf|lmhash|digestauth|crammd5|cram_md5/i;

export function inProtocolFunction(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    const name = (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name ? n.name.getText() : ts.isVariableDeclaration(n) ? n.name.getText() : undefined;
    if (name !== undefined && protocolFunction.test(name)) return true;
  }
  return false;
}

/** Calls that pass their text through unchanged as far as hashing goes: `Buffer.from(pw)`, `encoder.encode(pw)`. */
export const digestPassThrough: ReadonlySet<string> = new Set(['from', 'encode', 'toString', 'trim', 'normalize', 'String', 'toLowerCase', 'concat']);
