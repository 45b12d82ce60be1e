import * as ts from 'typescript';
import type { OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { calleeName, dottedName, stringText, unwrap } from '../../facts/syntax';
import { DomSources } from '../../facts/dom-sources';
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

/** The page's location, as a global: `location`, `window.location`, `document.location`, `top.location`. */
const pageLocation = /^(?:(?:window|self|top|parent|globalThis|document|window\.top|window\.parent)\.)?location$/;

/** What navigates the browser: `location.assign(url)`, `location.replace(url)`, `window.open(url)`. */
function navigationTarget(call: ts.CallExpression, facts: Facts): ts.Expression | undefined {
  const callee = unwrap(call.expression);
  const url = call.arguments[0];
  if (!url || !ts.isPropertyAccessExpression(callee) || !isGlobalPath(callee.expression, facts)) return undefined;
  const receiver = dottedName(callee.expression) ?? '';
  const method = callee.name.text;
  if ((method === 'assign' || method === 'replace') && pageLocation.test(receiver)) return url;
  return method === 'open' && /^(window|self|globalThis)$/.test(receiver) ? url : undefined;
}

/** The left side of `location = url`, `location.href = url`, `window.location.href = url`. */
function isLocationWrite(target: ts.Expression, facts: Facts): boolean {
  const dotted = dottedName(target);
  if (dotted === undefined || !isGlobalPath(target, facts)) return false;
  return pageLocation.test(dotted) || (dotted.endsWith('.href') && pageLocation.test(dotted.slice(0, -'.href'.length)));
}

/** A dotted path whose root no declaration in the file shadows (`window`, `location`). */
function isGlobalPath(expr: ts.Expression, facts: Facts): boolean {
  let e = unwrap(expr);
  while (ts.isPropertyAccessExpression(e)) e = unwrap(e.expression);
  return ts.isIdentifier(e) && facts.resolve(e) === undefined;
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
    const dom = new DomSources(facts, 'url');
    /** A browser navigation to `arg`: reported when a value another site chooses decides where it goes. */
    const navigation = (arg: ts.Expression): void => {
      const target = urlTarget(arg);
      if (hasFixedHost(target)) return;
      const source = dom.of(target);
      if (!source) return;
      const fix = localPathFix(unwrap(arg), sourceFile);
      context.report({
        at: arg,
        message: `The page navigates to ${source}, which another site chooses (a crafted link or message): it can send your visitors from your site to theirs (phishing), or run script with a \`javascript:\` URL. Navigate only to local paths (starting with one \`/\`) or to an allow-list.`,
        fixes: fix ? [fix] : [],
      });
    };
    return {
      BinaryExpression(node) {
        if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isLocationWrite(node.left, facts)) navigation(node.right);
      },
      CallExpression(call) {
        const browserTarget = navigationTarget(call, facts);
        if (browserTarget) return navigation(browserTarget);
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
