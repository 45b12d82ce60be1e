/**
 * Text the visitor of a page (or whoever sent them a link, or another window) controls, read in front-end
 * code: the URL (`location.search`, `location.hash`, `URLSearchParams.get`, Next.js `useSearchParams()` and
 * `router.query`), `document.referrer`, `window.name`, cookies, `localStorage`/`sessionStorage`, a
 * `message` event's `data`, and the values of form inputs. Followed through `const`s, templates,
 * concatenation and string methods; escapers and sanitisers end the flow. The server's request data is the
 * flow facts' business (request-data.ts); this is the browser's half, for the HTML and code sinks, and for
 * navigation (`location.href = …`) with the `url` sink: there only what another site can choose counts (the
 * query, the fragment, a message, `window.name`), not the page's own whole URL (`location.href.replace(…)`),
 * the referrer (sending the visitor back where they came from), nor what the page stored or the visitor typed;
 * a passed test that confines the value (flow-guards.ts) and a message handler that checks the sender's
 * `origin` end it.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { endsFlow } from './flow-sanitizers';
import { calleeName, dottedName, unwrap } from './syntax';

const locationParts = /^(?:(?:window|document|globalThis)\.)?location\.(search|hash|href)$|^document\.(URL|documentURI|referrer|cookie|baseURI)$|^(?:window\.)?name$/;
/** The parts of the page's address another site chooses when it links here. */
const linkedParts = /^(?:(?:window|document|globalThis)\.)?location\.(search|hash)$|^(?:window\.)?name$/;
const elementLookups = new Set(['getElementById', 'querySelector', 'getElementsByName']);
const urlHooks = /^(useSearchParams|useParams|useRouter|useLocation)$/;
/** Storage any script of the origin (or an earlier injection) wrote. */
const webStorage = /^(?:(?:window|globalThis|self)\.)?(localStorage|sessionStorage)$/;

/** The sink the browser's data is asked about: written as HTML (or run as code), or navigated to. */
export type DomSink = 'html' | 'url';

export class DomSources {
  private readonly cache = new Map<ts.Node, string | null>();

  constructor(
    private readonly facts: Facts,
    private readonly sink: DomSink = 'html',
  ) {}

  /** What the visitor controls in `expr`, described for a message ("`location.hash`"), if anything. */
  of(expr: ts.Expression, depth = 0): string | undefined {
    if (depth > 12) return undefined;
    const e = unwrap(expr);
    const dotted = dottedName(e);
    const parts = this.sink === 'url' ? linkedParts : locationParts;
    if (dotted !== undefined && parts.test(dotted) && (dotted !== 'name' || this.isGlobal(e))) return `\`${dotted}\``;
    if (dotted !== undefined && this.sink === 'url' && locationParts.test(dotted)) return undefined;
    if (ts.isIdentifier(e)) return this.ofIdentifier(e, depth);
    if (ts.isPropertyAccessExpression(e)) {
      if (e.name.text === 'value' && this.isInputElement(e.expression)) return this.sink === 'url' ? undefined : `the input's \`${e.getText(this.facts.sourceFile)}\``;
      if (e.name.text === 'query' && this.isHookResult(e.expression)) return '`router.query`';
      if (e.name.text === 'length') return undefined;
      if (e.name.text === 'data' && this.isMessageEvent(e.expression)) {
        return this.sink === 'url' && this.checksSender(e.expression) ? undefined : `the message's \`${e.getText(this.facts.sourceFile)}\``;
      }
      return this.of(e.expression, depth + 1);
    }
    if (ts.isElementAccessExpression(e)) return this.of(e.expression, depth + 1);
    if (ts.isTemplateExpression(e)) return first(e.templateSpans, (s) => this.of(s.expression, depth + 1));
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return this.of(e.left, depth + 1) ?? this.of(e.right, depth + 1);
      return undefined;
    }
    if (ts.isConditionalExpression(e)) return this.of(e.whenTrue, depth + 1) ?? this.of(e.whenFalse, depth + 1);
    if (ts.isCallExpression(e)) return this.ofCall(e, depth);
    // `new URL(next, location.origin)` goes wherever `next` says when it is absolute.
    if (this.sink === 'url' && ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URL' && e.arguments?.[0]) return this.of(e.arguments[0], depth + 1);
    return undefined;
  }

  private ofCall(call: ts.CallExpression, depth: number): string | undefined {
    const name = calleeName(call);
    if (name === undefined || endsFlow(name, this.sink) || (this.sink === 'html' && isEscapingReplace(call))) return undefined;
    const callee = unwrap(call.expression);
    if (ts.isIdentifier(callee)) {
      return name === 'String' || name === 'decodeURIComponent' || name === 'decodeURI' ? first(call.arguments, (a) => this.of(a, depth + 1)) : undefined;
    }
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    if (name === 'get' && this.isUrlParams(callee.expression)) return `the URL parameter \`${call.getText(this.facts.sourceFile)}\``;
    if (name === 'getItem' && webStorage.test(dottedName(callee.expression) ?? '') && this.isGlobal(unwrap(callee.expression))) {
      return this.sink === 'url' ? undefined : `\`${call.getText(this.facts.sourceFile)}\``;
    }
    // String methods keep the text: `location.hash.slice(1)`, `q.trim()`.
    return this.of(callee.expression, depth + 1);
  }

  private ofIdentifier(id: ts.Identifier, depth: number): string | undefined {
    const decl = this.facts.resolve(id);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    let found = this.cache.get(decl);
    if (found === undefined) {
      this.cache.set(decl, null);
      found = this.of(decl.initializer, depth + 1) ?? null;
      this.cache.set(decl, found);
    }
    // A test passed before this use (an allow-list, a same-origin check) confines the value here, not everywhere.
    return found !== null && !(this.sink === 'url' && this.facts.flowGuarded(id, decl, 'url')) ? found : undefined;
  }

  /** A message handler that looks at the sender (`if (e.origin !== TRUSTED) return`) takes data from whom it trusts. */
  private checksSender(event: ts.Expression): boolean {
    const e = unwrap(event);
    const decl = ts.isIdentifier(e) ? this.facts.resolve(e) : undefined;
    if (!decl || !ts.isParameter(decl) || !ts.isIdentifier(decl.name)) return false;
    const fn = decl.parent;
    const body = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.body : undefined;
    return body !== undefined && new RegExp(`\\b${decl.name.text}\\.origin\\b`).test(body.getText(this.facts.sourceFile));
  }

  private isGlobal(e: ts.Expression): boolean {
    const root = ts.isIdentifier(e) ? e : ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) ? e.expression : undefined;
    return root !== undefined && this.facts.resolve(root) === undefined;
  }

  /** `new URLSearchParams(location.search)`, `url.searchParams`, `useSearchParams()`, or a `const` holding one. */
  private isUrlParams(expr: ts.Expression): boolean {
    const e = this.initializerOf(expr);
    if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === 'URLSearchParams';
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'searchParams') return true;
    return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'useSearchParams';
  }

  /** The event parameter of a window's `message` listener: `addEventListener('message', (e) => …)`, `onmessage = (e) => …`. */
  private isMessageEvent(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (!ts.isIdentifier(e)) return false;
    const decl = this.facts.resolve(e);
    if (!decl || !ts.isParameter(decl) || decl.parent.parameters[0] !== decl) return false;
    const fn = decl.parent;
    const holder = fn.parent;
    if (ts.isBinaryExpression(holder) && holder.right === fn) return /^(?:(?:window|self|globalThis)\.)?onmessage$/.test(dottedName(holder.left) ?? '');
    if (!ts.isCallExpression(holder) || holder.arguments[1] !== fn || calleeName(holder) !== 'addEventListener') return false;
    const event = holder.arguments[0];
    const callee = unwrap(holder.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? dottedName(callee.expression) : undefined;
    // A worker's or a port's messages come from this page's own code.
    return ts.isStringLiteralLike(event) && event.text === 'message' && (receiver === undefined || /^(window|self|globalThis)$/.test(receiver));
  }

  private isHookResult(expr: ts.Expression): boolean {
    const e = this.initializerOf(expr);
    return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && urlHooks.test(e.expression.text);
  }

  /** `document.getElementById('q')`, `form.querySelector('input')`, `e.target`, `inputRef.current`, or a `const` holding one. */
  private isInputElement(expr: ts.Expression): boolean {
    const e = this.initializerOf(expr);
    if (ts.isCallExpression(e)) return elementLookups.has(calleeName(e) ?? '');
    const dotted = dottedName(e) ?? '';
    return /^(e|evt|event)\.(target|currentTarget)$/.test(dotted) || /Ref\.current$|^inputRef\.current$/.test(dotted);
  }

  private initializerOf(expr: ts.Expression): ts.Expression {
    const e = unwrap(expr);
    if (!ts.isIdentifier(e)) return e;
    const decl = this.facts.resolve(e);
    return decl && ts.isVariableDeclaration(decl) && decl.initializer ? unwrap(decl.initializer) : e;
  }
}

/** `s.replace(/</g, '&lt;')`: a hand-written HTML escape. */
export function isEscapingReplace(call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (name !== 'replace' && name !== 'replaceAll') return false;
  const replacement = call.arguments[1];
  return replacement !== undefined && (ts.isStringLiteralLike(replacement) ? /&(lt|#0*60|amp);/.test(replacement.text) : /&lt;|&#60;/.test(replacement.getText()));
}

function first<T, R>(items: readonly T[], f: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const r = f(item);
    if (r !== undefined) return r;
  }
  return undefined;
}
