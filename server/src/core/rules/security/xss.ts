import * as ts from 'typescript';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import type { Facts } from '../../facts/facts';
import { calleeName, dottedName, unwrap } from '../../facts/syntax';
import { addDefaultImport, addNamedImport } from '../../fixers/add-import';
import { returnedExpressions } from '../../facts/request-data';
import { DomSources, isEscapingReplace } from '../../facts/dom-sources';
import { reportImportedSinks } from '../../project/imported-flow';

/** Server response writers, by method; Express sends a string as `text/html`. */
const responseWriters = new Set(['send', 'write', 'end']);
const responseNames = /^(res|response|reply|ctx\.res|ctx\.response)$/;
const markup = /<[a-zA-Z!/]/;

interface Taint {
  /** The expression holding the data, inside the HTML. */
  hole: ts.Expression;
  /** Where the data came from, for the message: "`req.query.name`". */
  source: string;
  /** True for data from the browser (the URL, an input), false for the server's request data. */
  dom: boolean;
  /** Library input: the exported function whose caller passes the value. */
  caller?: string;
}

/** A parameter that is markup by its name (`html`, `svgMarkup`, `template`): written whole or wrapped, it is HTML by contract. */
const markupName = /html|markup|svg|template/i;

/** The literal text and the holes of a template, a concatenation, or a single value. */
function partsOf(expr: ts.Expression): { text: string; holes: ts.Expression[] } {
  const e = unwrap(expr);
  if (ts.isTemplateExpression(e)) return { text: e.head.text + e.templateSpans.map((s) => s.literal.text).join(''), holes: e.templateSpans.map((s) => s.expression) };
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = partsOf(e.left);
    const r = partsOf(e.right);
    return { text: l.text + r.text, holes: [...l.holes, ...r.holes] };
  }
  if (ts.isStringLiteralLike(e)) return { text: e.text, holes: [] };
  return { text: '', holes: [e] };
}

/** A hand-written escape anywhere in a chain or behind a `const`: `s.replace(/&/g, '&amp;').replace(/</g, '&lt;')`. */
function escapedByHand(expr: ts.Expression, facts: Facts, depth = 0): boolean {
  if (depth > 6) return false;
  const e = unwrap(expr);
  if (ts.isCallExpression(e)) {
    if (isEscapingReplace(e)) return true;
    const callee = unwrap(e.expression);
    if (ts.isPropertyAccessExpression(callee)) return escapedByHand(callee.expression, facts, depth + 1);
    // `esc(name)` where `esc` is this file's escaping helper.
    const helper = ts.isIdentifier(callee) ? facts.localFunction(callee) : undefined;
    const returned = helper ? returnedExpressions(helper, facts.walk) : [];
    return returned.length > 0 && returned.every((r) => escapedByHand(r, facts, depth + 1));
  }
  if (ts.isIdentifier(e)) {
    const declared = facts.constInitializer(e);
    return declared !== undefined && escapedByHand(declared, facts, depth + 1);
  }
  return false;
}

/** A `const`'s initializer when `expr` names one: `const page = \`<h1>${q}</h1>\`; res.send(page)`. */
function htmlValue(expr: ts.Expression, facts: Facts): ts.Expression {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return e;
  const declared = facts.constInitializer(e);
  return declared ? unwrap(declared) : e;
}

/** The receiver at the bottom of a chain: `res` in `res.status(200).type('html').send(…)`. */
function chainRoot(expr: ts.Expression): ts.Expression {
  let e = unwrap(expr);
  for (let i = 0; i < 8; i++) {
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(unwrap(e.expression))) e = unwrap((unwrap(e.expression) as ts.PropertyAccessExpression).expression);
    else break;
  }
  return e;
}

/** `res.type('text')…send()`, or a `Content-Type` set in the handler before it: the body is not sent as HTML by default. */
function setsContentType(call: ts.CallExpression, sourceFile: ts.SourceFile): boolean {
  const contentType = /\.(type|contentType)\(|content-type|\.json\(|\.jsonp\(/i;
  if (contentType.test(call.expression.getText(sourceFile))) return true;
  let fn: ts.Node | undefined = call.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  const body = fn && ts.isFunctionLike(fn) ? (fn as ts.FunctionLikeDeclaration).body : undefined;
  return body !== undefined && contentType.test(body.getText(sourceFile).slice(0, call.getStart(sourceFile) - body.getStart(sourceFile)));
}

/**
 * `renderError(req.url)` where `renderError` is this file's function returning markup
 * (`return '<p>' + msg + '</p>'`): its result is HTML, and the flow facts follow the argument through it.
 */
function returnsMarkup(value: ts.Expression, facts: Facts): boolean {
  if (!ts.isCallExpression(value) || !ts.isIdentifier(unwrap(value.expression))) return false;
  const helper = facts.localFunction(unwrap(value.expression) as ts.Identifier);
  return helper !== undefined && returnedExpressions(helper, facts.walk).some((r) => markup.test(partsOf(htmlValue(r, facts)).text));
}

/**
 * A type other than HTML set for the body before it is written in the same function (`res.writeHead(200,
 * { 'Content-Type': 'text/plain' })`, `res.setHeader('content-type', 'application/json')`): the browser does
 * not render it as a page.
 */
function declaresOtherType(call: ts.CallExpression, sourceFile: ts.SourceFile): boolean {
  const other = /content-type['"`]?\s*[,:]\s*['"`](?!text\/html)[a-z]+\/|\.type\(\s*['"`](?!html|text\/html)[a-z]/i;
  if (other.test(call.expression.getText(sourceFile))) return true;
  let fn: ts.Node | undefined = call.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  const body = fn && ts.isFunctionLike(fn) ? (fn as ts.FunctionLikeDeclaration).body : undefined;
  return body !== undefined && other.test(body.getText(sourceFile).slice(0, call.getStart(sourceFile) - body.getStart(sourceFile)));
}

function isJsxAttribute(node: ts.Node, name: string): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isJsxAttribute(n)) return n.name.getText() === name;
  }
  return false;
}

export const xss: Rule = {
  meta: {
    id: 'xss',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Request or URL data written as HTML',
    description:
      'Data an attacker controls (request parameters, the page URL, form input) written into HTML unescaped lets them run script in your users\' sessions: steal cookies and tokens, act as the user. Escape it, set it as text, or sanitise it with DOMPurify.',
    fixable: 'suggestion',
    scope: 'declaration',
    sources: ['CWE-79', 'OWASP A03:2021', 'OWASP XSS Prevention Cheat Sheet', 'semgrep javascript.express.security.audit.xss'],
  },
  create(context) {
    const { facts, sourceFile } = context;
    const dom = new DomSources(facts);

    const taintOf = (expr: ts.Expression): Taint | undefined => {
      if (escapedByHand(expr, facts)) return undefined;
      const origin = facts.requestOrigin(expr, { sink: 'html' });
      if (origin) return { hole: expr, source: `\`${origin.source}\``, dom: false };
      const source = dom.of(expr);
      return source ? { hole: expr, source, dom: true } : undefined;
    };

    /**
     * Library input written to the DOM: a parameter of an exported function built into HTML after markup the
     * function wrote (`'<span>' + label + '</span>'`). Written whole, or named as markup, it is HTML by contract.
     */
    const callerTaint = (hole: ts.Expression): Taint | undefined => {
      if (escapedByHand(hole, facts)) return undefined;
      const origin = facts.requestOrigin(hole, { sink: 'html', callerInput: true });
      if (origin?.caller === undefined || markupName.test(origin.source)) return undefined;
      return { hole, source: `\`${origin.source}\`, from the caller of the exported \`${origin.caller}\`,`, dom: true, caller: origin.caller };
    };

    /**
     * The holes of an HTML value that carry attacker data; `needMarkup` asks for a tag in its text; `toDom`
     * (a DOM sink in a module that serves no requests) also follows its exported functions' parameters.
     */
    const taintedHtml = (expr: ts.Expression, needMarkup: boolean, toDom = false): Taint[] => {
      const value = htmlValue(expr, facts);
      const { text, holes } = partsOf(value);
      if (needMarkup && !markup.test(text) && !(ts.isIdentifier(unwrap(expr)) && /html|markup/i.test(unwrap(expr).getText(sourceFile))) && !returnsMarkup(value, facts)) return [];
      const fromCaller = toDom && facts.isLibraryCode && markup.test(text);
      return holes.flatMap((hole) => taintOf(hole) ?? (fromCaller ? callerTaint(hole) : undefined) ?? []);
    };

    const escapeFix = (t: Taint): OffsetFix | undefined => {
      const parent = t.hole.parent;
      if (!ts.isTemplateSpan(parent) && !(ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken)) return undefined;
      const imported = addDefaultImport(facts, { module: 'escape-html', localName: 'escapeHtml' });
      const edits: OffsetEdit[] = [{ start: t.hole.getStart(sourceFile), end: t.hole.getEnd(), text: `${imported.name}(${t.hole.getText(sourceFile)})` }];
      if (imported.edit) edits.push(imported.edit);
      return { title: 'Escape with escape-html', safe: false, edits };
    };

    /** Reports at the hole when it is a part of the HTML (where the fix goes), else at the value the sink gets. */
    const report = (sinkArg: ts.Expression, t: Taint, where: string, fix: OffsetFix | undefined): void => {
      const parent = t.hole.parent;
      const inHtml = ts.isTemplateSpan(parent) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken);
      const attack = t.caller !== undefined
        ? 'a caller that passes on text a user wrote lets its author run script in the page (DOM XSS)'
        : t.dom
          ? 'a crafted link or input makes the page run the attacker\'s script (DOM XSS)'
          : 'an attacker\'s link makes the page run their script in the victim\'s session (reflected or stored XSS)';
      const advice = t.dom ? 'Set it as text (`textContent`), or sanitise it with DOMPurify.' : 'Escape it (escape-html), or render with a template engine that escapes.';
      context.report({ at: inHtml ? t.hole : sinkArg, message: `${t.source} is written ${where} unescaped: ${attack}. ${advice}`, fixes: fix ? [fix] : [] });
    };

    const serverResponse = (call: ts.CallExpression, name: string): void => {
      const callee = unwrap(call.expression);
      if (!ts.isPropertyAccessExpression(callee) || call.arguments.length === 0) return;
      const root = dottedName(chainRoot(callee.expression)) ?? '';
      if (!responseNames.test(root) || declaresOtherType(call, sourceFile)) return;
      // Fastify sends strings as text/plain unless the chain sets an HTML type.
      if (root === 'reply' && !/html/i.test(callee.expression.getText(sourceFile))) return;
      const found = taintedHtml(call.arguments[0], true);
      // Express answers a string with `text/html` unless a type is set: request text sent back as the whole
      // body is HTML too, with or without a tag in the code.
      if (found.length === 0 && name === 'send' && root !== 'reply' && !setsContentType(call, sourceFile)) found.push(...sentText(call.arguments[0]));
      for (const t of found) report(call.arguments[0], t, `into this HTML response (\`${name}\`)`, escapeFix(t));
    };

    /** The request text in a string sent as the whole body: built by a template or `+`, or a text request value. */
    const sentText = (arg: ts.Expression): Taint[] => {
      const value = htmlValue(arg, facts);
      // An object or an array is sent as JSON.
      if (ts.isObjectLiteralExpression(value) || ts.isArrayLiteralExpression(value)) return [];
      const { text, holes } = partsOf(value);
      const taints: Taint[] = [];
      for (const hole of holes) {
        if (escapedByHand(hole, facts)) continue;
        const origin = facts.requestOrigin(hole, { sink: 'html' });
        if (origin && (text !== '' || origin.text)) taints.push({ hole, source: `\`${origin.source}\``, dom: false });
      }
      return taints;
    };

    const honoHtml = (call: ts.CallExpression): void => {
      const arg = call.arguments[0];
      if (!arg || ts.isTaggedTemplateExpression(unwrap(arg))) return;
      const taints = taintedHtml(arg, false);
      if (taints.length === 0) return;
      const template = unwrap(arg);
      let fix: OffsetFix | undefined;
      if (ts.isTemplateExpression(template)) {
        const imported = addNamedImport(facts, { module: 'hono/html', name: 'html' });
        if (imported) {
          const at = template.getStart(sourceFile);
          fix = { title: "Use hono/html's escaping html`` template", safe: false, edits: [...(imported.edit ? [imported.edit] : []), { start: at, end: at, text: imported.name }] };
        }
      }
      // One fix escapes every hole, so it goes with the first finding only.
      taints.forEach((t, i) => report(arg, t, 'into this `c.html()` response', i === 0 ? fix : undefined));
    };

    return {
      CallExpression(call) {
        const name = calleeName(call);
        if (name === undefined) return;
        if (responseWriters.has(name)) {
          const receiver = dottedName(unwrap(call.expression)) ?? '';
          if (receiver === 'document.write' || receiver === 'document.writeln') {
            for (const t of taintedHtml(call.arguments[0], false, true)) report(call.arguments[0], t, 'with `document.write`', undefined);
            return;
          }
          serverResponse(call, name);
        } else if (name === 'writeln' && dottedName(unwrap(call.expression)) === 'document.writeln') {
          for (const t of taintedHtml(call.arguments[0], false, true)) report(call.arguments[0], t, 'with `document.writeln`', undefined);
        } else if (name === 'html' && call.arguments.length > 0) {
          honoHtml(call);
        } else if (name === 'insertAdjacentHTML' && call.arguments.length === 2) {
          const callee = unwrap(call.expression) as ts.PropertyAccessExpression;
          const start = callee.name.getStart(sourceFile);
          const fix: OffsetFix = { title: 'Use insertAdjacentText', safe: false, edits: [{ start, end: callee.name.getEnd(), text: 'insertAdjacentText' }] };
          taintedHtml(call.arguments[1], false, true).forEach((t, i) => report(call.arguments[1], t, 'with `insertAdjacentHTML`', i === 0 ? fix : undefined));
        } else {
          reportImportedSinks(call, 'html', context, 'writes it into HTML unescaped', 'an attacker\'s link makes the page run their script in the victim\'s session. Escape it there (escape-html), or render with a template engine that escapes.');
        }
      },
      BinaryExpression(node) {
        const op = node.operatorToken.kind;
        if (op !== ts.SyntaxKind.EqualsToken && op !== ts.SyntaxKind.PlusEqualsToken) return;
        const left = node.left;
        if (!ts.isPropertyAccessExpression(left)) return;
        const prop = left.name.text;
        if (prop === 'innerHTML' || prop === 'outerHTML') {
          const plain = prop === 'innerHTML' && op === ts.SyntaxKind.EqualsToken && !markup.test(partsOf(htmlValue(node.right, facts)).text);
          const start = left.name.getStart(sourceFile);
          const fix: OffsetFix | undefined = plain ? { title: 'Use textContent', safe: false, edits: [{ start, end: left.name.getEnd(), text: 'textContent' }] } : undefined;
          taintedHtml(node.right, false, true).forEach((t, i) => report(node.right, t, `into \`${prop}\``, i === 0 ? fix : undefined));
        } else if (prop === 'body' && dottedName(left.expression) === 'ctx') {
          // Koa sends a string that starts with `<` as text/html.
          for (const t of taintedHtml(node.right, true)) report(node.right, t, 'into this HTML response (`ctx.body`)', escapeFix(t));
        }
      },
      PropertyAssignment(node) {
        if (!ts.isIdentifier(node.name) || node.name.text !== '__html' || !isJsxAttribute(node, 'dangerouslySetInnerHTML')) return;
        const taints = taintedHtml(node.initializer, false);
        if (taints.length === 0) return;
        const imported = addDefaultImport(facts, { module: 'dompurify', localName: 'DOMPurify' });
        const value = node.initializer;
        const edits: OffsetEdit[] = [{ start: value.getStart(sourceFile), end: value.getEnd(), text: `${imported.name}.sanitize(${value.getText(sourceFile)})` }];
        if (imported.edit) edits.push(imported.edit);
        const fix: OffsetFix = { title: 'Sanitize with DOMPurify', safe: false, edits };
        taints.forEach((t, i) => report(value, t, 'through `dangerouslySetInnerHTML`', i === 0 ? fix : undefined));
      },
      NewExpression(node) {
        // `new Response(\`<h1>${q}</h1>\`, { headers: { 'Content-Type': 'text/html' } })` in a route handler.
        if (!ts.isIdentifier(node.expression) || node.expression.text !== 'Response') return;
        const [body, init] = node.arguments ?? [];
        if (!body || !init || !/text\/html/i.test(init.getText(sourceFile))) return;
        for (const t of taintedHtml(body, false)) report(body, t, 'into this HTML response', escapeFix(t));
      },
    };
  },
};
