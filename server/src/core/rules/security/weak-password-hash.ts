import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import { cryptoJs, digestPackages } from '../../catalog';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import { calleeName, calleeObject, canAwait, dottedName, memberName, stringText, unwrap } from '../../facts/syntax';
import { passwordNameKind } from '../../facts/password-names';
import { isStoredPassword, lastName, plainPassword } from './password-values';
import { hashCode } from './password-hashing-fix';

/** Fast digests: fine for checksums, hopeless for passwords. HMAC, PBKDF2 and scrypt are not matched here. */
const fastDigest = /^(md4|md5|sha-?1|sha-?224|sha-?256|sha-?384|sha-?512(-224|-256)?|sha3-\d+|ripemd-?160|rmd160|whirlpool)$/i;
/** Calls that pass their text through unchanged as far as hashing goes: `Buffer.from(pw)`, `encoder.encode(pw)`. */
const passThrough = new Set(['from', 'encode', 'toString', 'trim', 'normalize', 'String', 'toLowerCase', 'concat']);

function algorithmName(alg: string): string {
  return alg.toUpperCase().replace(/^SHA-?(\d)/, 'SHA-$1').replace(/^SHA-1$/, 'SHA-1');
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

/** The password a hashed value carries: `password`, `req.body.password`, `salt + password`, `Buffer.from(pw)`. */
function passwordIn(expr: ts.Expression, facts: Facts, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const e = unwrap(expr);
  const plain = plainPassword(e, facts);
  if (plain) return plain;
  // A stored plaintext column being hashed (a migration) is a password too; a stored hash is not.
  if (isStoredPassword(e, facts) && passwordNameKind(lastName(e) ?? '') === 'plain') return e.getText();
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return passwordIn(e.left, facts, depth + 1) ?? passwordIn(e.right, facts, depth + 1);
  }
  if (ts.isTemplateExpression(e)) {
    for (const span of e.templateSpans) {
      const found = passwordIn(span.expression, facts, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    const name = calleeName(e);
    if (name === undefined || !passThrough.has(name)) return undefined;
    const arg = e.arguments?.[0];
    if (arg) return passwordIn(arg, facts, depth + 1);
    const receiver = ts.isCallExpression(e) ? calleeObject(e) : undefined;
    return receiver ? passwordIn(receiver, facts, depth + 1) : undefined;
  }
  return undefined;
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

/** Replacing a hash that is compared or looked up would break logins silently: that needs `compare`, not `hash`. */
function isComparedDirectly(expr: ts.Expression): boolean {
  let e: ts.Node = expr;
  while (ts.isParenthesizedExpression(e.parent) || ts.isAwaitExpression(e.parent)) e = e.parent;
  const p = e.parent;
  if (!ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  return op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
}

/** crypto-js returns a WordArray: `CryptoJS.SHA256(pw).toString()` is the string the replacement stands for. */
function withToString(expr: ts.Expression): ts.Expression {
  const access = expr.parent;
  if (ts.isPropertyAccessExpression(access) && access.name.text === 'toString' && ts.isCallExpression(access.parent) && access.parent.expression === access) return access.parent;
  return expr;
}

/** `await x` binds looser than a member access or call on it: `(await bcrypt.hash(pw, 12)).length`. */
function needsParentheses(expr: ts.Expression): boolean {
  const p = expr.parent;
  return (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isCallExpression(p)) && p.expression === expr;
}

/**
 * Authentication protocols that fix the digest of the password themselves (NTLM's MD4, HTTP Digest authentication,
 * CRAM-MD5): code speaking them computes a protocol message, it does not store a password.
 */
const protocolFunction = /ntlm|ntowf|lmhash|digestauth|crammd5|cram_md5/i;

function inProtocolFunction(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    const name = (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name ? n.name.getText() : ts.isVariableDeclaration(n) ? n.name.getText() : undefined;
    if (name !== undefined && protocolFunction.test(name)) return true;
  }
  return false;
}

export const weakPasswordHash: Rule = {
  meta: {
    id: 'weak-password-hash',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Password hashed with a fast digest',
    description:
      'MD5, SHA-1 and SHA-2 are built to be fast: a GPU tries billions of guesses a second against them, so a leaked table of such hashes gives up most passwords. Hash passwords with bcrypt, scrypt or argon2.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-916', 'CWE-328', 'OWASP A02:2021', 'OWASP Password Storage Cheat Sheet'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (context.facts.isTestFile) return {};

    const report = (at: ts.Node, algorithm: string, password: string, data: ts.Expression, replace: ts.Expression | undefined): void => {
      if (inProtocolFunction(at)) return;
      const fixes: OffsetFix[] = [];
      const simple = plainPassword(data, facts) !== undefined;
      if (replace && simple && canAwait(replace) && !isComparedDirectly(replace)) {
        const hashed = hashCode(facts, data.getText(sourceFile));
        const target = withToString(replace);
        const code = needsParentheses(target) ? `(${hashed.code})` : hashed.code;
        const edits: OffsetEdit[] = [{ start: target.getStart(sourceFile), end: target.getEnd(), text: code }];
        if (hashed.importEdit) edits.push(hashed.importEdit);
        fixes.push({ title: `Hash with ${hashed.library}`, safe: false, edits });
      }
      context.report({
        at,
        message: `\`${password}\` is hashed with ${algorithm}, a fast digest: a GPU tries billions of guesses a second against it, so a leaked table gives up most passwords. Hash passwords with bcrypt, scrypt or argon2, and verify them with its compare function.`,
        fixes,
      });
    };

    return {
      CallExpression(call) {
        const name = calleeName(call);
        if (name === undefined) return;
        const data = call.arguments[0];
        if (name === 'update') {
          if (!data) return;
          const password = passwordIn(data, facts);
          if (!password) return;
          const hash = createHashAlgorithm(call, facts);
          if (!hash) return;
          const { outer, digested } = outerChain(call);
          // Only a one-expression chain can be swapped for `bcrypt.hash`; a hash object fed in steps cannot.
          const whole = digested && unwrap(calleeObject(call)!) === hash.root;
          report(hash.root, hash.algorithm, password, data, whole ? outer : undefined);
          return;
        }
        // Node 21's one-shot `crypto.hash('sha256', data)` and Web Crypto's `crypto.subtle.digest('SHA-256', data)`.
        if ((name === 'hash' && isNodeCrypto(call.expression, facts)) || (name === 'digest' && /(^|\.)subtle$/.test(dottedName(calleeObject(call) ?? call.expression) ?? ''))) {
          const algorithm = literalAlgorithm(call.arguments[0], facts);
          const hashed = call.arguments[1];
          const password = algorithm && hashed ? passwordIn(hashed, facts) : undefined;
          if (algorithm && password) report(call, algorithm, password, hashed, undefined);
          return;
        }
        if (!data || memberName(call.expression) === 'update') return;
        const firstWord = ts.isIdentifier(unwrap(call.expression)) ? name : (dottedName(call.expression) ?? name);
        if (!/md5|sha|ripemd/i.test(firstWord)) return;
        const algorithm = packageDigest(call, facts);
        const password = algorithm ? passwordIn(data, facts) : undefined;
        if (algorithm && password) report(call, algorithm, password, data, call);
      },
    };
  },
};
