import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { inDevelopmentOnlyBranch } from '../../facts/development-branches';
import { SecretNameKind, secretNameKind } from '../../facts/secret-names';
import { calleeName, dottedName, enclosingFunction, memberName, stringText, unwrap } from '../../facts/syntax';
import { isKind } from '../../catalog';

const logMethods = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'notice', 'critical', 'dir']);
/** Receivers that are loggers by name: `console`, `logger`, `this.logger`, `req.log`, `fastify.log`, `appLogger`. */
const loggerName = /(^|\.)(console|log|logger|\w*Logger|_logger)$/;
/** Calls that pass their argument through to the log line. */
const passThrough = new Set(['stringify', 'String', 'inspect', 'format', 'toString', 'toJSON', 'trim']);
/** Headers that carry credentials. */
const credentialHeaders = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|x-access-token|x-csrf-token)$/i;

/** Names that are a credential only in authentication code: parsers have tokens, DI containers injection tokens. */
const ambiguousNames = /^(token|tokens|key)$/i;

const what: Readonly<Record<SecretNameKind, string>> = {
  password: 'the password',
  token: 'the token',
  secret: 'the secret',
  key: 'the key',
  'one-time-code': 'the one-time code',
  'session-id': 'the session id',
  'card-number': 'the card number',
  nonce: 'the value',
};

interface Hit {
  /** The expression that reaches the log. */
  node: ts.Expression;
  /** How to name it in the message: "`req.body.password`". */
  label: string;
  /** What someone reading the log gets: "the password", "every request header, with the Authorization and Cookie headers". */
  gives: string;
}

function isLogCall(call: ts.CallExpression, facts: Facts): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !logMethods.has(callee.name.text) || call.arguments.length === 0) return false;
  const receiver = callee.expression;
  const name = dottedName(receiver);
  if (name !== undefined && loggerName.test(name)) return true;
  return isKind(facts.libraryOf(receiver)?.library, 'logger');
}

/**
 * A log call made through a pino/winston logger configured with `redact` or a format that masks: the logger
 * takes care of the fields, which is the remedy this rule asks for.
 */
function redactingLogger(call: ts.CallExpression, facts: Facts): boolean {
  const receiver = unwrap((unwrap(call.expression) as ts.PropertyAccessExpression).expression);
  if (!ts.isIdentifier(receiver)) return false;
  const decl = facts.resolve(receiver);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
  return /\bredact|\bmask|censor/i.test(decl.initializer.getText(facts.sourceFile));
}

class LogArguments {
  private readonly credentialFunctions = new Map<ts.Node, boolean>();

  constructor(
    private readonly facts: Facts,
    private readonly sourceFile: ts.SourceFile,
  ) {}

  /** Every sensitive value the expression writes to the log, into `out`. */
  find(expr: ts.Expression, out: Hit[], depth = 0): void {
    if (depth > 8) return;
    const e = unwrap(expr);
    if (isLiteral(e)) return;
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const hit = this.value(e);
      if (hit) out.push(hit);
    } else if (ts.isTemplateExpression(e)) {
      for (const s of e.templateSpans) this.find(s.expression, out, depth + 1);
    } else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      this.find(e.left, out, depth + 1);
      this.find(e.right, out, depth + 1);
    } else if (ts.isConditionalExpression(e)) {
      this.find(e.whenTrue, out, depth + 1);
      this.find(e.whenFalse, out, depth + 1);
    } else if (ts.isArrayLiteralExpression(e)) {
      for (const x of e.elements) this.find(ts.isSpreadElement(x) ? x.expression : x, out, depth + 1);
    } else if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) this.property(p, out, depth);
    } else if (ts.isCallExpression(e)) {
      this.call(e, out, depth);
    }
  }

  private property(p: ts.ObjectLiteralElementLike, out: Hit[], depth: number): void {
    if (ts.isShorthandPropertyAssignment(p)) {
      const hit = this.value(p.name);
      if (hit) out.push(hit);
      return;
    }
    if (ts.isSpreadAssignment(p)) return this.find(p.expression, out, depth + 1);
    if (!ts.isPropertyAssignment(p)) return;
    const value = unwrap(p.initializer);
    const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
    const kind = key === undefined ? undefined : secretNameKind(key);
    // `{ password: pw }` logs a password whatever the variable is called; `{ token: mask(t) }` does not.
    if (kind && kind !== 'nonce' && (ts.isIdentifier(value) || ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) && !this.facts.isConstant(value)) {
      out.push({ node: p.initializer, label: value.getText(this.sourceFile), gives: what[kind] });
      return;
    }
    this.find(p.initializer, out, depth + 1);
  }

  private call(call: ts.CallExpression, out: Hit[], depth: number): void {
    const name = calleeName(call);
    if (name === undefined) return;
    // `req.get('authorization')`, `req.header('cookie')`, `headers.get('authorization')`
    if ((name === 'get' || name === 'header' || name === 'getHeader') && credentialHeaders.test(stringText(call.arguments[0]) ?? '')) {
      out.push({ node: call, label: call.getText(this.sourceFile), gives: `the \`${stringText(call.arguments[0])}\` header's credentials` });
      return;
    }
    if (!passThrough.has(name)) return;
    const callee = unwrap(call.expression);
    const arg = call.arguments[0];
    if (ts.isPropertyAccessExpression(callee) && (name === 'toString' || name === 'toJSON' || name === 'trim')) return this.find(callee.expression, out, depth + 1);
    if (arg) this.find(arg, out, depth + 1);
  }

  /** A name or member: by what it is called, then by the request data it holds. */
  private value(e: ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression): Hit | undefined {
    const name = ts.isIdentifier(e) ? e.text : memberName(e);
    const label = e.getText(this.sourceFile);
    if (name !== undefined) {
      if (credentialHeaders.test(name) && !ts.isIdentifier(e)) return { node: e, label, gives: `the \`${name}\` header's credentials` };
      const kind = secretNameKind(name);
      if (kind && kind !== 'nonce' && (!ambiguousNames.test(name) || this.aboutAuthentication())) return { node: e, label, gives: what[kind] };
    }
    const origin = this.facts.requestOrigin(e);
    if (!origin) return undefined;
    const source = origin.source;
    if (/\.(headers|cookies|signedCookies)$/.test(source)) {
      return { node: e, label, gives: source.endsWith('headers') ? 'every request header, the Authorization and Cookie headers with them' : 'every cookie, session cookies with them' };
    }
    if (/\.(body|json\(\)|formData\(\)|parseBody\(\))$/.test(source) && this.handlesCredentials(e)) {
      return { node: e, label, gives: 'the whole request body, the credentials this handler reads with it' };
    }
    const last = /([\w-]+)(\(\))?$/.exec(source)?.[1];
    const kind = last === undefined ? undefined : secretNameKind(last);
    return kind && kind !== 'nonce' ? { node: e, label, gives: what[kind] } : undefined;
  }

  private authFile: boolean | undefined;

  /** Whether the file is about authentication at all: a lone `token` elsewhere is a lexer's or an injection token. */
  private aboutAuthentication(): boolean {
    this.authFile ??= /jwt|auth|bearer|session|login|passw|oauth|credential|api.?key|cookie/i.test(this.sourceFile.text);
    return this.authFile;
  }

  /** Whether the function around `node` reads a password, token or card from the request (once per function). */
  private handlesCredentials(node: ts.Node): boolean {
    const fn = enclosingFunction(node) ?? this.sourceFile;
    let known = this.credentialFunctions.get(fn);
    if (known === undefined) {
      known = /passw|pwd|passcode|secret|token|otp|card|cvv|ssn/i.test(fn.getText(this.sourceFile));
      this.credentialFunctions.set(fn, known);
    }
    return known;
  }
}

function isLiteral(e: ts.Expression): boolean {
  return ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword;
}

/** Removes `node` from the list it is in (call arguments, object properties), with one of its commas. */
function removeFromList(node: ts.Node, list: ts.NodeArray<ts.Node>, sourceFile: ts.SourceFile): OffsetEdit | undefined {
  const i = list.indexOf(node);
  if (i === -1 || list.length < 2) return undefined;
  if (i > 0) return { start: list[i - 1].getEnd(), end: node.getEnd(), text: '' };
  return { start: node.getStart(sourceFile), end: list[1].getStart(sourceFile), text: '' };
}

function fixFor(hit: Hit, call: ts.CallExpression, sourceFile: ts.SourceFile): OffsetFix | undefined {
  const title = `Remove \`${hit.label}\` from the log call`;
  const parent = hit.node.parent;
  if (parent === call) {
    const edit = removeFromList(hit.node, call.arguments, sourceFile);
    return edit && { title, safe: false, edits: [edit] };
  }
  if ((ts.isPropertyAssignment(parent) && parent.initializer === hit.node) || ts.isShorthandPropertyAssignment(parent)) {
    const edit = removeFromList(parent, (parent.parent as ts.ObjectLiteralExpression).properties, sourceFile);
    return edit && { title, safe: false, edits: [edit] };
  }
  if (ts.isTemplateSpan(parent) && parent.expression === hit.node) {
    const template = parent.parent;
    const i = template.templateSpans.indexOf(parent);
    const before = i === 0 ? template.head : template.templateSpans[i - 1].literal;
    return {
      title: `Redact \`${hit.label}\` in the log message`,
      safe: false,
      edits: [{ start: before.getEnd() - 2, end: parent.literal.getStart(sourceFile) + 1, text: '[redacted]' }],
    };
  }
  return undefined;
}

export const sensitiveDataLogging: Rule = {
  meta: {
    id: 'sensitive-data-logging',
    category: 'security',
    defaultSeverity: 'warning',
    title: 'Password, token or credentials written to a log',
    description:
      'Logs are read by more people and systems than the database: support staff, log services, backups. A password, token, API key, card number or credential header written there is exposed to all of them. Log ids and redacted values instead.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-532', 'CWE-312', 'OWASP A09:2021', 'OWASP Logging Cheat Sheet'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    if (facts.isTestFile) return {};
    const args = new LogArguments(facts, sourceFile);
    return {
      CallExpression(call) {
        if (!isLogCall(call, facts)) return;
        const hits: Hit[] = [];
        for (const a of call.arguments) args.find(a, hits);
        // A development-only branch (`if (isDev)`, `NODE_ENV !== 'production'`) logs a developer's own test requests.
        if (hits.length === 0 || redactingLogger(call, facts) || inDevelopmentOnlyBranch(call)) return;
        for (const hit of hits) {
          const fix = fixFor(hit, call, sourceFile);
          context.report({
            at: hit.node,
            message: `\`${hit.label}\` is written to the log: anyone who can read the logs (staff, a log service, a backup) gets ${hit.gives}. Remove it, or log an id or a redacted form.`,
            fixes: fix ? [fix] : [],
          });
        }
      },
    };
  },
};
