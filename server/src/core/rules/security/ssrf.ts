import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import type { RequestOrigin } from '../../facts/request-data';
import { outgoingRequestOf } from '../../facts/outgoing-requests';
import { calleeName, enclosingFunction, unwrap } from '../../facts/syntax';
import { preorder } from '../../traverse';
import { reportImportedSinks } from '../../project/imported-flow';

/** Calls whose name says they vet a URL or host before it is used. */
const vettingCall = /allow|whitelist|permit|valid|safe|trust|check|assert|verify|private|internal|ssrf|blocked|denied/i;
/** Parts of a URL object that name where it goes. */
const hostMembers = new Set(['host', 'hostname', 'origin', 'href']);

const helperName = 'allowedUrl';
const hostsName = 'ALLOWED_OUTBOUND_HOSTS';

/**
 * The request data that chooses the host of the URL `expr` builds, if any. A literal or configured origin
 * followed by a path separator fixes the host, whatever comes after; a request value in front of the first
 * separator (or as the whole URL) chooses it. An opaque value directly before the request value (`BASE + path`)
 * might end in a separator or not: that cannot be told, so it is not reported.
 */
function hostOrigin(expr: ts.Expression, facts: Facts, depth = 0): RequestOrigin | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expr);
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URL' && e.arguments?.[0]) {
    return hostOrigin(e.arguments[0], facts, depth + 1);
  }
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'href' && isUrlObject(e.expression, facts)) return hostOrigin(e.expression, facts, depth + 1);
  if (ts.isCallExpression(e) && calleeName(e) === 'toString' && ts.isPropertyAccessExpression(unwrap(e.expression))) {
    const receiver = (unwrap(e.expression) as ts.PropertyAccessExpression).expression;
    if (isUrlObject(receiver, facts)) return hostOrigin(receiver, facts, depth + 1);
  }
  // encodeURI of a whole URL keeps its shape: it only escapes characters.
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && /^(encodeURI|decodeURI|String)$/.test(e.expression.text) && e.arguments.length === 1 && facts.resolve(e.expression) === undefined) {
    return hostOrigin(e.arguments[0], facts, depth + 1);
  }
  if (ts.isIdentifier(e)) {
    const init = facts.constInitializer(e);
    if (!init) return vettedBefore(e, facts) ? undefined : facts.requestOrigin(e, { sink: 'url' });
    // The flow facts see guards and sanitisers at this use; URL objects they do not follow, so those are vetted here.
    if (!isUrlObject(e, facts) && !facts.requestOrigin(e, { sink: 'url' })) return undefined;
    if (vettedBefore(e, facts)) return undefined;
    return hostOrigin(init, facts, depth + 1);
  }
  const pieces = urlPieces(e);
  if (!pieces) return facts.requestOrigin(e, { sink: 'url' });
  let prefix = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      prefix += piece;
      continue;
    }
    const origin = facts.requestOrigin(piece, { sink: 'url' });
    if (origin) return choosesHost(prefix) ? origin : undefined;
    prefix += '\u0000';
  }
  return undefined;
}

/**
 * Whether a value placed after `prefix` (literal text, `\0` for an opaque value) is in the URL's scheme or host.
 * A relative path (`/api/…`) has a host fixed by the server it is sent from.
 */
function choosesHost(prefix: string): boolean {
  if (prefix === '') return true;
  if (/^\/(?![/\\])/.test(prefix)) return false;
  const rest = prefix.replace(/^[a-z][a-z0-9+.-]*:/i, '').replace(/^[/\\]{2}/, '');
  if (/[/\\?#]/.test(rest)) return false;
  // `BASE + input`: BASE may well end with a slash; stay quiet.
  return !rest.endsWith('\u0000');
}

/** A template's or a `+` chain's pieces in order: literal text, and the expressions between. */
function urlPieces(e: ts.Expression): (string | ts.Expression)[] | undefined {
  if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.flatMap((s) => [s.expression, s.literal.text])];
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.PlusToken) return undefined;
  const out: (string | ts.Expression)[] = [];
  const visit = (x: ts.Expression): void => {
    const u = unwrap(x);
    if (ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      visit(u.left);
      visit(u.right);
    } else if (ts.isStringLiteralLike(u)) out.push(u.text);
    else out.push(u);
  };
  visit(e);
  return out;
}

/** `new URL(…)`, or a `const` bound to one. */
function isUrlObject(expr: ts.Expression, facts: Facts): boolean {
  const e = unwrap(expr);
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === 'URL';
  if (!ts.isIdentifier(e)) return false;
  const decl = facts.resolve(e);
  return decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined && isUrlObject(decl.initializer, facts);
}

/**
 * Whether the function tests the value's host, or hands the value to a vetting function, before `use`:
 * `if (!ALLOWED.has(url.hostname)) …`, `await assertPublicHost(url)`.
 */
function vettedBefore(use: ts.Identifier, facts: Facts): boolean {
  const fn = enclosingFunction(use);
  const decl = facts.resolve(use);
  if (!fn?.body || !decl) return false;
  const refersTo = (n: ts.Node): boolean => ts.isIdentifier(n) && n !== use && facts.resolve(n) === decl;
  let found = false;
  preorder(fn.body, (n) => {
    if (found || n.getStart() >= use.getStart()) return false;
    if (ts.isCallExpression(n) && n.arguments.some((a) => refersTo(unwrap(a)) || (ts.isPropertyAccessExpression(unwrap(a)) && refersTo(unwrap((unwrap(a) as ts.PropertyAccessExpression).expression))))) {
      const name = calleeName(n);
      if (name !== undefined && vettingCall.test(name)) found = true;
    }
    if (ts.isPropertyAccessExpression(n) && refersTo(n.expression) && hostMembers.has(n.name.text) && inCondition(n)) found = true;
    // `url.startsWith('https://api.example.com/')`: a prefix that ends the host pins it.
    if (ts.isPropertyAccessExpression(n) && refersTo(n.expression) && n.name.text === 'startsWith' && ts.isCallExpression(n.parent) && inCondition(n.parent)) {
      const prefix = n.parent.arguments[0];
      if (prefix && ts.isStringLiteralLike(prefix) && /^https?:\/\/[^/?#]+[/?#]/i.test(prefix.text)) found = true;
    }
    return !found;
  });
  return found;
}

function inCondition(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if ((ts.isIfStatement(p) || ts.isWhileStatement(p)) && p.expression === n) return true;
    if (ts.isConditionalExpression(p) && p.condition === n) return true;
    if (ts.isStatement(p) || ts.isBlock(p)) return false;
  }
  return false;
}

function allowListFix(arg: ts.Expression, facts: Facts, sourceFile: ts.SourceFile): OffsetFix | undefined {
  const existing = facts.resolveName(helperName, arg);
  if (existing && !(ts.isFunctionDeclaration(existing) && existing.parent === sourceFile)) return undefined;
  const edits: OffsetEdit[] = [
    { start: arg.getStart(sourceFile), end: arg.getStart(sourceFile), text: `${helperName}(` },
    { start: arg.getEnd(), end: arg.getEnd(), text: ')' },
  ];
  if (!existing) {
    if (facts.resolveName(hostsName, sourceFile) !== undefined) return undefined;
    const typed = /\.[cm]?tsx?$/.test(sourceFile.fileName);
    const end = sourceFile.text.length;
    const gap = sourceFile.text.endsWith('\n') ? '\n' : '\n\n';
    edits.push({
      start: end,
      end,
      text:
        `${gap}/** Hosts this server may send requests to, from the environment: \`ALLOWED_OUTBOUND_HOSTS=api.example.com,cdn.example.com\`. */\n` +
        `const ${hostsName} = new Set((process.env.ALLOWED_OUTBOUND_HOSTS ?? '').split(',').filter(Boolean));\n\n` +
        `function ${helperName}(url${typed ? ': string | URL' : ''})${typed ? ': string' : ''} {\n` +
        `  const parsed = new URL(url);\n` +
        `  if (!${hostsName}.has(parsed.hostname)) throw new Error(\`Requests to \${parsed.hostname} are not allowed\`);\n` +
        `  return parsed.href;\n` +
        `}\n`,
    });
  }
  return { title: 'Check the host against an allow-list', safe: false, edits };
}

export const ssrf: Rule = {
  meta: {
    id: 'ssrf',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Request data choosing where the server sends a request',
    description:
      'When the request chooses the URL or host of an outgoing request, an attacker makes your server call what it can reach and they cannot: cloud metadata endpoints, admin ports, internal services. Fix the origin and put only encoded values in the path, or check the host against an allow-list.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-918', 'OWASP A10:2021', 'OWASP SSRF Prevention Cheat Sheet', 'semgrep javascript.express.security.injection.tainted-url-host'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    return {
      CallExpression(call) {
        const request = outgoingRequestOf(call, facts);
        if (!request) {
          reportImportedSinks(call, 'request', context, 'sends a request to it', 'an attacker can make the server call hosts only it can reach (cloud metadata at 169.254.169.254, internal services). Check the host against an allow-list there.');
          return;
        }
        for (const target of request.targets) {
          const origin = hostOrigin(target, facts);
          if (!origin) continue;
          const callee = call.expression.getText(sourceFile);
          const fn = callee.length <= 24 ? callee : request.client.library;
          const fix = target === request.urlArgument ? allowListFix(target, facts, sourceFile) : undefined;
          context.report({
            at: target,
            message: `\`${origin.source}\` chooses where this \`${fn}\` request goes: an attacker can make the server call hosts only it can reach (cloud metadata at 169.254.169.254, internal services) and read the answer. Fix the origin and encode the value into the path, or check the host against an allow-list.`,
            fixes: fix ? [fix] : [],
          });
          return;
        }
      },
    };
  },
};
