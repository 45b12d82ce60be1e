import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { calleeName, dottedName, stringText, unwrap } from '../../facts/syntax';
import { reportImportedSinks } from '../../project/imported-flow';

/** Libraries whose `redirect(url)` function sends the browser elsewhere. */
const redirectModules = /^(next\/navigation|next\/server|@remix-run\/\w+|react-router(-dom)?|@sveltejs\/kit|@tanstack\/react-router)$/;
const headerSetters = new Set(['setHeader', 'set', 'header', 'append', 'writeHead']);
/** The Referer is where the user came from; sending them back there is what `res.redirect('back')` does. */
const refererSource = /refer+er/i;

/**
 * A URL whose host is fixed by its own literal start: a path (`/users/${id}`, not `//…` or `/\…`) or an
 * absolute URL with a host (`https://example.com/…`).
 */
function hasFixedHost(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  let head: string | undefined;
  if (ts.isTemplateExpression(e)) head = e.head.text;
  else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    let left: ts.Expression = e;
    while (ts.isBinaryExpression(left) && left.operatorToken.kind === ts.SyntaxKind.PlusToken) left = unwrap(left.left);
    head = stringText(left);
  }
  if (head === undefined) return false;
  return /^\/[^/\\]/.test(head) || /^https?:\/\/[^/?#]+[/?#]/.test(head);
}

/** The redirect target of a call, if it is a redirect: `res.redirect(302, url)`, `redirect(url)`, `res.setHeader('Location', url)`. */
function redirectTarget(call: ts.CallExpression, name: string, facts: Facts): ts.Expression | undefined {
  const args = call.arguments;
  const callee = unwrap(call.expression);
  if (name === 'redirect' || name === 'permanentRedirect') {
    if (ts.isIdentifier(callee)) {
      const module = facts.libraryOf(callee)?.module;
      if (module === undefined || !redirectModules.test(module)) return undefined;
    }
    // Express `(status, url)`, Fastify 4 `(code, url)`, Fastify 5 and Hono `(url, code)`, SvelteKit `(status, location)`.
    return args.find((a) => !ts.isNumericLiteral(unwrap(a)) && !/^(status|code|statusCode)$/i.test(a.getText()));
  }
  if (name === 'location' && ts.isPropertyAccessExpression(callee) && args.length === 1) return /^(res|response|reply|ctx|c)$/.test(dottedName(callee.expression) ?? '') ? args[0] : undefined;
  if (!headerSetters.has(name)) return undefined;
  if (name === 'writeHead') {
    const headers = args.find((a) => ts.isObjectLiteralExpression(unwrap(a)));
    const location = headers && (unwrap(headers) as ts.ObjectLiteralExpression).properties.find((p) => p.name !== undefined && /^location$/i.test(stringText(p.name) ?? p.name.getText()));
    return location && ts.isPropertyAssignment(location) ? location.initializer : undefined;
  }
  return args.length === 2 && /^location$/i.test(stringText(args[0]) ?? '') ? args[1] : undefined;
}

/** `new URL(target, base)`: the target decides the host. */
function urlTarget(expr: ts.Expression): ts.Expression {
  let e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && (e.name.text === 'href' || e.name.text === 'toString')) e = unwrap(e.expression);
  if (ts.isCallExpression(e) && calleeName(e) === 'toString' && ts.isPropertyAccessExpression(unwrap(e.expression))) e = unwrap((unwrap(e.expression) as ts.PropertyAccessExpression).expression);
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URL' && e.arguments?.[0]) return unwrap(e.arguments[0]);
  return e;
}

function localPathFix(target: ts.Expression, sourceFile: ts.SourceFile): OffsetFix | undefined {
  if (!ts.isIdentifier(target)) return undefined;
  const x = target.text;
  return {
    title: 'Redirect only to local paths',
    safe: false,
    edits: [{ start: target.getStart(sourceFile), end: target.getEnd(), text: `typeof ${x} === 'string' && ${x}.startsWith('/') && !${x}.startsWith('//') && !${x}.startsWith('/\\\\') ? ${x} : '/'` }],
  };
}

export const openRedirect: Rule = {
  meta: {
    id: 'open-redirect',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Redirect to a URL taken from the request',
    description:
      'A redirect whose target comes from the request lets an attacker send your users from a link on your domain to a site of theirs (phishing, stolen OAuth codes). Redirect only to local paths or to an allow-list.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-601', 'OWASP A01:2021', 'OWASP Unvalidated Redirects Cheat Sheet', 'semgrep javascript.express.security.audit.express-open-redirect'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    return {
      CallExpression(call) {
        const name = calleeName(call);
        if (name === undefined || (name !== 'redirect' && name !== 'permanentRedirect' && name !== 'location' && !headerSetters.has(name))) {
          reportImportedSinks(call, 'redirect', context, 'redirects to it', 'an attacker\'s link on your domain can send users to any site (phishing, stolen tokens). Redirect there only to local paths or to an allow-list.');
          return;
        }
        const arg = redirectTarget(call, name, facts);
        if (!arg) return;
        const target = urlTarget(arg);
        if (hasFixedHost(target)) return;
        const origin = facts.requestOrigin(target, { sink: 'url' });
        if (!origin || refererSource.test(origin.source)) return;
        const fix = localPathFix(unwrap(arg), sourceFile);
        context.report({
          at: arg,
          message: `The redirect target comes from \`${origin.source}\`: an attacker's link on your domain can send users to any site (phishing, stolen tokens). Redirect only to local paths (starting with one \`/\`) or to an allow-list.`,
          fixes: fix ? [fix] : [],
        });
      },
    };
  },
};
