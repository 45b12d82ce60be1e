import * as ts from 'typescript';
import type { OffsetEdit, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { LibraryRef } from '../../facts/libraries';
import { CookieSetter, SessionMiddleware, cookieSetters, nonCredentialCookieWords, scriptReadableCookieWords, sensitiveCookieWords, sessionMiddlewares } from '../../catalog/cookies';
import { inDevelopmentOnlyBranch } from '../../facts/development-branches';
import { addPropertyEdit, insertArgumentEdit } from '../../fixers/object-property';
import { calleeName, dottedName, objectProperty, stringText, unwrap } from '../../facts/syntax';

const responseNames = /^(res|response|resp|reply)$/;
const contextNames = /^(ctx|context)$/;

/** `res` in `(req, res) => …`, or a name that says it is the response. */
function isResponse(expr: ts.Expression, facts: Facts): boolean {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return false;
  if (responseNames.test(e.text)) return true;
  const decl = facts.resolve(e);
  return decl !== undefined && ts.isParameter(decl) && decl.parent.parameters.indexOf(decl) === 1;
}

/** The modules the setters and session middlewares are imported from: a file that reaches none needs no library lookup. */
const cookieModules: readonly string[] = [
  ...cookieSetters.flatMap((s) => (s.shape.kind === 'import' ? [s.shape.module] : [])),
  ...sessionMiddlewares.map((m) => m.module),
];

/** The name a call of each setter ends in: every call is asked, and nearly none is named so. */
const setterMethods = new Set(
  cookieSetters.map(({ shape }) => (shape.kind === 'response-method' ? shape.method : shape.kind === 'context-cookies' ? 'set' : shape.path.at(-1) ?? shape.exportName)),
);

/** The setter a call is, by its shape and the library its callee comes from (`reachesModule`: of an import shape). */
function setterOf(call: ts.CallExpression, facts: Facts, reachesModule: boolean): CookieSetter | undefined {
  const method = calleeName(call);
  if (method === undefined || !setterMethods.has(method)) return undefined;
  const callee = unwrap(call.expression);
  let ref: LibraryRef | undefined | null = null;
  for (const s of cookieSetters) {
    const shape = s.shape;
    if (shape.kind === 'response-method') {
      if (method === shape.method && ts.isPropertyAccessExpression(callee) && isResponse(callee.expression, facts)) return s;
    } else if (shape.kind === 'context-cookies') {
      if (method !== 'set' || !ts.isPropertyAccessExpression(callee)) continue;
      const cookies = unwrap(callee.expression);
      if (!ts.isPropertyAccessExpression(cookies) || cookies.name.text !== 'cookies') continue;
      const owner = unwrap(cookies.expression);
      const isContext = owner.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(owner) && contextNames.test(owner.text) && facts.libraryOf(owner) === undefined);
      if (isContext) return s;
    } else {
      if (!reachesModule) continue;
      if (ref === null) ref = facts.libraryOf(call.expression);
      if (!ref || ref.module !== shape.module || ref.exportName !== shape.exportName) continue;
      if (shape.path.length === 0 ? method === shape.exportName && ref.isModule : !ref.isModule && dottedName(callee)?.endsWith(`.${shape.path.join('.')}`) === true) return s;
      // `cookies().set(…)`: the callee's own text ends in a call, so it has no dotted name.
      if (shape.path.length === 1 && !ref.isModule && method === shape.path[0]) return s;
    }
  }
  return undefined;
}

function sessionOf(call: ts.CallExpression, facts: Facts): SessionMiddleware | undefined {
  const called = facts.libraryOf(call.expression);
  const plugin = calleeName(call) === 'register' && call.arguments[0] ? facts.libraryOf(call.arguments[0]) : undefined;
  return sessionMiddlewares.find((m) => {
    const ref = m.install === 'plugin' ? plugin : called;
    return ref !== undefined && ref.module === m.module && ref.isModule;
  });
}

function literalOf(expr: ts.Expression | undefined, facts: Facts): ts.ObjectLiteralExpression | undefined {
  const e = expr && unwrap(expr);
  if (!e) return undefined;
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const decl = facts.resolve(e);
  const init = decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : undefined;
  return init && ts.isObjectLiteralExpression(init) ? init : undefined;
}

/** `sessionToken` → [session, token]; `connect.sid` → [connect, sid]; `XSRF-TOKEN` → [xsrf, token]. */
function words(text: string): string[] {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** The string a name expression holds: a literal, or a `const` bound to one. */
function constantText(expr: ts.Expression, facts: Facts): string | undefined {
  const e = unwrap(expr);
  const literal = stringText(e);
  if (literal !== undefined) return literal;
  if (!ts.isIdentifier(e)) return undefined;
  const declared = facts.constInitializer(e);
  return declared && stringText(unwrap(declared));
}

/**
 * Whether a cookie holds a session or a credential: by its name when written as text, else by the names in
 * its name or value expressions (`COOKIE_NAME, accessToken`). CSRF cookies are meant for the page's script,
 * and a cookie about a sign-in (its redirect, its OAuth state, an expiry) holds no credential.
 */
function isSensitive(name: ts.Expression | undefined, value: ts.Expression | undefined, facts: Facts): boolean {
  const named = name && constantText(name, facts);
  const candidates = named !== undefined ? [named] : [name, value].map((e) => (e ? lastName(unwrap(e)) : undefined)).filter((x): x is string => x !== undefined);
  const all = candidates.flatMap(words);
  return all.some((w) => sensitiveCookieWords.has(w)) && !all.some((w) => scriptReadableCookieWords.has(w) || nonCredentialCookieWords.has(w));
}

function lastName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isCallExpression(e)) return calleeName(e);
  return undefined;
}

/** A cookie being cleared: an empty value (`''`, `null`), `maxAge: 0`, or an expiry at the epoch or now. */
function isClearing(value: ts.Expression | undefined, options: ts.ObjectLiteralExpression | undefined): boolean {
  const v = value && unwrap(value);
  if (v && (stringText(v) === '' || v.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(v) && v.text === 'undefined'))) return true;
  const maxAge = options && objectProperty(options, 'maxAge');
  if (maxAge && ts.isPropertyAssignment(maxAge) && /^-?[01]$/.test(maxAge.initializer.getText())) return true;
  const expires = options && objectProperty(options, 'expires');
  return expires !== undefined && ts.isPropertyAssignment(expires) && /^new Date\((0|1|Date\.now\(\)(\s*-[^)]*)?)\)$/.test(expires.initializer.getText().replace(/\s+/g, ' '));
}

/** A flag's value as written: 'true', 'false', a quoted lower-cased string, 'absent', or 'other' for anything computed. */
function literalValue(p: ts.ObjectLiteralElementLike | undefined): string {
  if (!p) return 'absent';
  if (!ts.isPropertyAssignment(p)) return 'other';
  const v = unwrap(p.initializer);
  if (v.kind === ts.SyntaxKind.TrueKeyword) return 'true';
  if (v.kind === ts.SyntaxKind.FalseKeyword) return 'false';
  const text = stringText(v);
  return text !== undefined ? `'${text.toLowerCase()}'` : 'other';
}

interface Problems {
  httpOnly: 'missing' | 'false' | undefined;
  secure: 'missing' | 'false' | undefined;
}

/** What the options leave out: `HttpOnly` (by default or set false), and `Secure` beside `SameSite=None`. */
function problemsOf(options: ts.ObjectLiteralExpression | undefined, httpOnlyByDefault: boolean): Problems | undefined {
  if (options?.properties.some((p) => ts.isSpreadAssignment(p) || (p.name !== undefined && ts.isComputedPropertyName(p.name)))) return undefined;
  const httpOnly = literalValue(options && objectProperty(options, 'httpOnly'));
  const sameSite = literalValue(options && objectProperty(options, 'sameSite'));
  const secure = literalValue(options && objectProperty(options, 'secure'));
  const problems: Problems = {
    httpOnly: httpOnly === 'false' ? 'false' : httpOnly === 'absent' && !httpOnlyByDefault ? 'missing' : undefined,
    secure: sameSite === "'none'" && (secure === 'absent' || secure === 'false') ? (secure === 'absent' ? 'missing' : 'false') : undefined,
  };
  return problems.httpOnly || problems.secure ? problems : undefined;
}

function describe(p: Problems): string {
  const parts: string[] = [];
  if (p.httpOnly === 'missing') parts.push('is set without `httpOnly`, so any script on the page (one XSS, one compromised dependency) can read and send it away');
  if (p.httpOnly === 'false') parts.push('has `httpOnly: false`, so any script on the page (one XSS, one compromised dependency) can read and send it away');
  if (p.secure) parts.push("has `sameSite: 'none'` without `secure`, so it is sent over plain HTTP on every cross-site request (and browsers now drop it)");
  return parts.join(', and ');
}

/** The edits that set the missing flags: change a `false`, add a property, or add the options argument. */
function fixEdits(p: Problems, options: ts.ObjectLiteralExpression | undefined, call: ts.CallExpression, optionsArg: number, sourceFile: ts.SourceFile): OffsetEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  const added: string[] = [];
  for (const [flag, state] of [['httpOnly', p.httpOnly], ['secure', p.secure]] as const) {
    if (state === 'false') {
      const prop = objectProperty(options!, flag) as ts.PropertyAssignment;
      edits.push({ start: prop.initializer.getStart(sourceFile), end: prop.initializer.getEnd(), text: 'true' });
    } else if (state === 'missing') {
      added.push(`${flag}: true`);
    }
  }
  if (added.length > 0) {
    // One edit per property keeps each on its own line in a multi-line literal; an empty one is replaced whole.
    if (options && options.properties.length > 0) for (const property of added) edits.push(addPropertyEdit(sourceFile, options, property));
    else if (options) edits.push(addPropertyEdit(sourceFile, options, added.join(', ')));
    else if (call.arguments.length === optionsArg) edits.push(insertArgumentEdit(call, optionsArg, `{ ${added.join(', ')} }`));
    else return undefined;
  }
  return edits;
}

export const insecureCookie: Rule = {
  meta: {
    id: 'insecure-cookie',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Session or token cookie without HttpOnly or Secure',
    description:
      "A session or token cookie without `HttpOnly` can be read by any script on the page, so one XSS hands the session to an attacker; one with `SameSite=None` and no `Secure` travels over plain HTTP. Set `httpOnly: true`, and `secure: true` wherever `sameSite` is 'none'.",
    fixable: 'safe',
    scope: 'declaration',
    sources: ['CWE-1004', 'CWE-614', 'OWASP A05:2021', 'CodeQL js/client-exposed-cookie', 'semgrep javascript.express.security.audit.express-cookie-settings'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    // A test's server is not deployed: its policy and cookies reach no user.
    if (facts.isTestFile) return {};
    const reachesModule = cookieModules.some((module) => facts.mayReference(module));
    return {
      CallExpression(call) {
        const setter = setterOf(call, facts, reachesModule);
        if (setter) {
          const single = setter.acceptsObject && call.arguments.length === 1 ? literalOf(call.arguments[0], facts) : undefined;
          const prop = (key: string): ts.Expression | undefined => {
            const p = single && objectProperty(single, key);
            return p && ts.isPropertyAssignment(p) ? p.initializer : undefined;
          };
          const name = single ? prop('name') : call.arguments[setter.nameArg];
          const value = single ? prop('value') : call.arguments[setter.valueArg];
          const optionsArg = call.arguments[setter.optionsArg];
          const options = single ?? literalOf(optionsArg, facts);
          if ((!single && optionsArg && !options) || !isSensitive(name, value, facts) || isClearing(value, options) || inDevelopmentOnlyBranch(call)) return;
          const problems = problemsOf(options, setter.httpOnlyByDefault);
          if (!problems) return;
          const edits = fixEdits(problems, options, call, setter.optionsArg, sourceFile);
          const shown = name ? (constantText(name, facts) ?? name.getText(sourceFile)) : 'cookie';
          context.report({
            at: call,
            message: `The \`${shown}\` cookie ${describe(problems)}. Set ${[problems.httpOnly && '`httpOnly: true`', problems.secure && '`secure: true`'].filter(Boolean).join(' and ')}.`,
            fixes: edits ? [{ title: 'Add the missing cookie flags', safe: true, edits }] : [],
          });
          return;
        }
        const session = reachesModule ? sessionOf(call, facts) : undefined;
        if (!session || inDevelopmentOnlyBranch(call)) return;
        const options = literalOf(call.arguments[session.optionsArg], facts);
        if (!options) return;
        let cookie: ts.ObjectLiteralExpression | undefined = options;
        if (session.cookieProperty !== undefined) {
          const p = objectProperty(options, session.cookieProperty);
          cookie = p && ts.isPropertyAssignment(p) ? literalOf(p.initializer, facts) : undefined;
        }
        if (!cookie) return;
        const problems = problemsOf(cookie, true);
        if (!problems) return;
        const edits = fixEdits(problems, cookie, call, session.optionsArg, sourceFile);
        context.report({
          at: cookie,
          message: `This ${session.module} session cookie ${describe(problems)}. Set ${[problems.httpOnly && '`httpOnly: true`', problems.secure && '`secure: true`'].filter(Boolean).join(' and ')}.`,
          fixes: edits ? [{ title: 'Add the missing cookie flags', safe: true, edits }] : [],
        });
      },
    };
  },
};
