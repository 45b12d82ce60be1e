/**
 * Checks that end a flow by control flow rather than by transformation: the value is used only where a test
 * on it has passed. The shapes are the ones handlers are written in: an early exit
 * (`if (!ALLOWED.includes(x)) return res.status(400)…`), an `if` block or `?:` branch the test guards, the
 * right side of `&&`, and a `switch` case on a constant.
 */
import * as ts from 'typescript';
import { Declaration, ScopeIndex } from './scopes';
import type { FlowMode } from './flow-sanitizers';
import { calleeName, dottedName, isConstDeclaration, memberChain, unwrap } from './syntax';
import { preorder } from '../traverse';

/** The sinks a passed test makes a value safe for: every sink, or some. */
type Protection = 'all' | ReadonlySet<FlowMode>;

const onlyNosql: Protection = new Set<FlowMode>(['nosql']);
const onlyPath: Protection = new Set<FlowMode>(['path']);
const onlyUrl: Protection = new Set<FlowMode>(['url']);
const notUrl: Protection = new Set<FlowMode>(['sql', 'nosql', 'path', 'shell', 'html', 'code']);

/** Validator predicates (`validator.isUUID`, `isInt`, `Number.isInteger`, `isValidSlug`) whose passing leaves a harmless value. */
const strictPredicates = /^is(Valid\w*|Safe\w*|UUID|Uuid|Int|Integer|SafeInteger|Numeric|Number|Alpha\w*|Hex\w*|MongoId|ObjectId|Email|Slug|Base64|Boolean|Date|ISO\d*\w*|IP|Port|Allowed\w*|Whitelisted\w*|Permitted\w*|In|Enum|Decimal|Float|Finite|Hash|JWT|Semver|Locale)$/;
const hostPredicates = /^is(URL|Url|FQDN|DataURI)$/;

export class FlowGuards {
  constructor(private readonly scopes: ScopeIndex) {}

  /**
   * Whether the use of `decl` at `use` is reached only after a test that makes it safe for `mode`; `decl` may
   * be a member path of a variable (`req.query.file`), tested and used as written.
   */
  protects(use: ts.Node, decl: Subject, mode: FlowMode): boolean {
    const test = (cond: ts.Expression, truth: boolean): boolean => covers(this.implied(cond, truth, decl), mode);
    let child: ts.Node = use;
    for (let n = use.parent; n; child = n, n = n.parent) {
      if (ts.isIfStatement(n) || ts.isConditionalExpression(n)) {
        const cond = ts.isIfStatement(n) ? n.expression : n.condition;
        const whenTrue = ts.isIfStatement(n) ? n.thenStatement : n.whenTrue;
        if (child !== cond && test(cond, child === whenTrue)) return true;
      } else if (ts.isBinaryExpression(n) && child === n.right) {
        const op = n.operatorToken.kind;
        if (op === ts.SyntaxKind.AmpersandAmpersandToken && test(n.left, true)) return true;
        if (op === ts.SyntaxKind.BarBarToken && test(n.left, false)) return true;
      } else if (ts.isCaseClause(n) && this.mentions(n.parent.parent.expression, decl) && isLiteral(n.expression)) {
        return true;
      }
      if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) {
        const statements = n.statements;
        for (let i = statements.indexOf(child as ts.Statement) - 1; i >= 0; i--) {
          const s = statements[i];
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement) && test(s.expression, false)) return true;
        }
      }
      if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) break;
    }
    return false;
  }

  /** What `cond` having the value `truth` proves about `decl`. */
  private implied(cond: ts.Expression, truth: boolean, decl: Subject): Protection | undefined {
    const c = unwrap(cond);
    if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return this.implied(c.operand, !truth, decl);
    if (ts.isBinaryExpression(c)) {
      const op = c.operatorToken.kind;
      // `a && b` true proves both; `a || b` false proves both false.
      if ((op === ts.SyntaxKind.AmpersandAmpersandToken && truth) || (op === ts.SyntaxKind.BarBarToken && !truth)) {
        return union(this.implied(c.left, truth, decl), this.implied(c.right, truth, decl));
      }
      if (op === ts.SyntaxKind.InKeyword) return truth && this.mentions(c.left, decl) && !this.mentions(c.right, decl) ? 'all' : undefined;
      const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
      const notEqual = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
      if (!equal && !notEqual) return undefined;
      const holds = equal === truth;
      const [subject, other] = this.mentions(c.left, decl) ? [unwrap(c.left), unwrap(c.right)] : [unwrap(c.right), unwrap(c.left)];
      if (!this.mentions(subject, decl)) return undefined;
      // `new URL(next, location.origin).origin === location.origin`: the target stays on this site (or a fixed one).
      if (holds && isOriginOf(subject) && !this.mentions(other, decl) && (isOwnOrigin(other) || isConstName(other, this.scopes))) return onlyUrl;
      if (!isLiteral(other)) return undefined;
      // `Object.prototype.toString.call(x) === '[object Object]'` tells x's type, as `typeof` does, not its value.
      if (ts.isStringLiteralLike(other) && other.text.startsWith('[object ')) return undefined;
      // `typeof x !== 'string'` exits: what remains is text.
      if (ts.isTypeOfExpression(subject)) return holds && ts.isStringLiteral(other) && other.text === 'string' ? onlyNosql : undefined;
      return holds && other.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(other) && other.text === 'undefined') ? 'all' : undefined;
    }
    if (!ts.isCallExpression(c)) return undefined;
    const name = calleeName(c);
    if (name === undefined) return undefined;
    const callee = unwrap(c.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
    const arg = c.arguments[0];
    const argMentions = c.arguments.some((a) => this.mentions(a, decl));
    switch (name) {
      case 'includes':
      case 'has':
        if (receiver && this.mentions(receiver, decl)) {
          // `name.includes('..')` false: no parent segment in it. A member is read again at its use and may
          // be an array (`?f=..&f=x`), whose `includes` looks for an element.
          return !truth && arg && ts.isStringLiteralLike(arg) && arg.text.startsWith('..') && !(decl instanceof MemberPath) ? onlyPath : undefined;
        }
        return truth && argMentions ? 'all' : undefined;
      case 'hasOwnProperty':
      case 'hasOwn':
        return truth && argMentions && (!receiver || !this.mentions(receiver, decl)) ? 'all' : undefined;
      case 'startsWith': {
        if (!receiver || !this.mentions(receiver, decl) || !arg) return undefined;
        // A member is text as sent: never resolved, and a prefix test or a `..` test on it confines no path.
        const member = decl instanceof MemberPath;
        if (ts.isStringLiteralLike(arg) && arg.text === '/') return truth ? onlyUrl : undefined;
        // Only a normalised path says where it leads: `root + name` starts with `root` and still climbs out.
        const normalised = !member && isNormalisedPath(receiver, this.scopes);
        if (ts.isStringLiteralLike(arg) && arg.text.startsWith('..')) return truth || !normalised ? undefined : onlyPath;
        return truth && !isLiteral(arg) && normalised ? onlyPath : undefined;
      }
      case 'test':
        if (truth && argMentions && receiver && isAnchoredPattern(receiver, this.scopes)) return 'all';
        // `if (UP_PATH.test(path.normalize(p))) return`: no `..` segment is left once normalised.
        return !truth && argMentions && receiver && arg && isParentSegmentPattern(receiver, this.scopes) && isNormalisedPath(arg, this.scopes) ? onlyPath : undefined;
      case 'match':
        return truth && receiver && this.mentions(receiver, decl) && arg && isAnchoredPattern(arg, this.scopes) ? 'all' : undefined;
      case 'isString':
        return truth && argMentions ? onlyNosql : undefined;
    }
    if (!truth || !argMentions) return undefined;
    if (hostPredicates.test(name)) return notUrl;
    return strictPredicates.test(name) ? 'all' : undefined;
  }

  /**
   * Whether `expr` refers to `decl`, directly or through a `const` computed from it (`const rel = path.relative(root, full)`);
   * a member path is referred to by the same path on the same variable.
   */
  private mentions(expr: ts.Node, decl: Subject, depth = 0): boolean {
    if (decl instanceof MemberPath) return this.mentionsPath(expr, decl);
    let found = false;
    preorder(expr, (n) => {
      if (found || ts.isFunctionLike(n)) return false;
      if (ts.isIdentifier(n)) {
        // A member's name (`.id` of `x.id`) names no variable.
        if (n !== expr && ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) return false;
        const d = this.scopes.resolve(n);
        if (d === decl) found = true;
        else if (depth === 0 && d && ts.isVariableDeclaration(d) && d.initializer && isConstDeclaration(d) && d.initializer.end - d.initializer.pos < 400) {
          found = this.mentions(d.initializer, decl, 1);
        }
        return false;
      }
      return true;
    });
    return found;
  }

  /** The member path `e` reads (`req.query.file`, `req.query['file']`), if it is one on a declared variable. */
  memberPath(e: ts.Expression): MemberPath | undefined {
    const chain = memberChain(e);
    const root = chain && this.scopes.resolve(chain.root);
    return root && new MemberPath(root, chain.names.join('.'));
  }


  private mentionsPath(expr: ts.Node, subject: MemberPath): boolean {
    let found = false;
    preorder(expr, (n) => {
      if (found || ts.isFunctionLike(n)) return false;
      if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
        const path = this.memberPath(n);
        if (path && path.root === subject.root && path.names === subject.names) found = true;
      }
      return !found;
    });
    return found;
  }
}

/** A member path on a variable, `req.query.file`: guarded where the same path was tested. */
export class MemberPath {
  constructor(
    readonly root: Declaration,
    /** The member names after the root, joined with dots: `query.file`. */
    readonly names: string,
  ) {}
}

type Subject = Declaration | MemberPath;

/** `u.origin`, `new URL(x).host`: the part of a URL that says which site it is. */
function isOriginOf(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && /^(origin|host|hostname)$/.test(e.name.text);
}

/** The page's own site: `location.origin`, `window.location.host`, `self.origin`. */
function isOwnOrigin(e: ts.Expression): boolean {
  const dotted = dottedName(e);
  return dotted !== undefined && /^(?:(?:window|self|globalThis|document)\.)?(?:location\.)?(origin|host|hostname)$/.test(dotted) && dotted.includes('.');
}

/**
 * `path.resolve/join/normalize/relative(…)` or `realpath(…)`, or a variable set from one: its `..` segments are
 * gone (or leading, for `relative`).
 */
function isNormalisedPath(expr: ts.Expression, scopes: ScopeIndex): boolean {
  const e = valueOrInitializer(expr, scopes);
  if (!e) return false;
  return ts.isCallExpression(e) && /^(resolve|join|normalize|relative|realpath|realpathSync)$/.test(calleeName(e) ?? '');
}

/** The expression, or the initializer of the variable it names; undefined for a name with none. */
function valueOrInitializer(expr: ts.Expression, scopes: ScopeIndex): ts.Expression | undefined {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return e;
  const d = scopes.resolve(e);
  return d && ts.isVariableDeclaration(d) && d.initializer ? unwrap(d.initializer) : undefined;
}

/** A `const` name (`TRUSTED_ORIGIN`): a value the code fixed, not one it received. */
function isConstName(e: ts.Expression, scopes: ScopeIndex): boolean {
  if (!ts.isIdentifier(e)) return false;
  const d = scopes.resolve(e);
  return d !== undefined && ts.isVariableDeclaration(d) && isConstDeclaration(d) && d.initializer !== undefined && isLiteral(d.initializer);
}

function covers(p: Protection | undefined, mode: FlowMode): boolean {
  if (p === undefined) return false;
  if (p === 'all') return true;
  return mode !== 'any' && p.has(mode);
}

function union(a: Protection | undefined, b: Protection | undefined): Protection | undefined {
  if (a === 'all' || b === 'all') return 'all';
  if (!a) return b;
  if (!b) return a;
  return new Set([...a, ...b]);
}

function isLiteral(e: ts.Expression | undefined): boolean {
  if (!e) return false;
  const u = unwrap(e);
  return ts.isStringLiteralLike(u) || ts.isNumericLiteral(u) || u.kind === ts.SyntaxKind.NullKeyword || u.kind === ts.SyntaxKind.TrueKeyword || u.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(u) && u.text === 'undefined');
}

/** `/^[a-z0-9-]+$/` (or a `const` bound to one): a pattern that constrains the whole value. */
function isAnchoredPattern(expr: ts.Expression, scopes: ScopeIndex): boolean {
  const e = valueOrInitializer(expr, scopes);
  if (!e) return false;
  return ts.isRegularExpressionLiteral(e) && /^\/\^.*\$\/[a-z]*$/.test(e.text) && !/\.[*+]/.test(e.text);
}

/** A pattern (or a `const` bound to one) that looks for `..`. */
function isParentSegmentPattern(expr: ts.Expression, scopes: ScopeIndex): boolean {
  const e = valueOrInitializer(expr, scopes);
  if (!e) return false;
  return ts.isRegularExpressionLiteral(e) && e.text.includes('\\.\\.');
}

/** A statement that leaves the enclosing block: `return`, `throw`, `break`, `continue`, or a block ending in one. */
function exits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isBreakStatement(s) || ts.isContinueStatement(s)) return true;
  if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]);
  if (ts.isIfStatement(s)) return s.elseStatement !== undefined && exits(s.thenStatement) && exits(s.elseStatement);
  return false;
}
