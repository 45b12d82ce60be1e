/**
 * What ends a flow of request data, by the kind of sink it reaches. A value can be harmless in one place and
 * dangerous in another: `path.basename(name)` cannot climb out of a directory but is still HTML an attacker
 * wrote; `encodeURIComponent(x)` is safe in a URL but not inside `eval`. Each sink kind names the calls and
 * the string rewrites that leave nothing dangerous for it.
 */
import * as ts from 'typescript';

/**
 * Where a value goes: SQL text, a MongoDB filter, a filesystem path, a shell command line, HTML, a redirect or
 * fetched URL, code that is evaluated, or a regular expression's source.
 */
export type SinkKind = 'sql' | 'nosql' | 'path' | 'shell' | 'html' | 'url' | 'code' | 'regex';

/** A sink kind, or `any`: follow the data through every transformation (inside `JSON.parse`, for example). */
export type FlowMode = SinkKind | 'any';

/** Results that carry no text an attacker chose, whatever the sink: numbers, booleans, digests, fresh ids, validated values. */
const neutral = /^(Number|parseInt|parseFloat|Boolean|BigInt|isNaN|isFinite|hash\w*|compare\w*|verify\w*|uuid\w*|randomUUID|nanoid|validate\w*|sanitize\w*)$/;

/** The calls each sink kind treats as ending the flow, by the called name (a local helper or an import). */
const bySink: Readonly<Record<FlowMode, RegExp | undefined>> = {
  // SQL keeps the flow facts' original, broader list: the sql-injection rule was tuned against it.
  sql: /^(Number|parseInt|parseFloat|Boolean|isNaN|isFinite|escape\w*|sanitize\w*|encodeURI\w*|quote\w*|validate\w*|hash\w*|compare\w*|verify\w*|uuid\w*)$/i,
  nosql: /^(String|mongoSanitize|escape\w*|encodeURI\w*)$/,
  path: /^(basename|encodeURIComponent|sanitize\w*|\w*[Ff]ilename\w*[Ss]afe\w*|safe\w*(Path|Name)|slugify|slug)$/,
  shell: /^(quote|shellQuote|shellEscape|escapeShell\w*|shescape|shq|escapeArg\w*)$/,
  html: /^(escape\w*|\w*Escape\w*|encodeURIComponent|encode(Html|HTML|Entities)?|purify|xss|filterXSS|DOMPurify)$/,
  url: /^(encodeURIComponent)$/,
  code: /^(stringify)$/,
  // `escapeRegExp` helpers, lodash's `_.escapeRegExp`, `escape-string-regexp` and ES2025 `RegExp.escape`.
  regex: /^(escape\w*|\w*Escape\w*|quote\w*|encodeURIComponent)$/,
  any: undefined,
};

/** Whether a call named `name` ends the flow of request data into a sink of this kind. */
export function endsFlow(name: string, mode: FlowMode): boolean {
  if (mode === 'sql') return bySink.sql!.test(name);
  if (neutral.test(name)) return true;
  return bySink[mode]?.test(name) ?? false;
}

/** Methods of a string or array that answer a question about it: their result is a number or a boolean. */
export const questionMethods = new Set([
  'includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'search', 'test', 'localeCompare',
  'charCodeAt', 'codePointAt', 'some', 'every', 'findIndex', 'findLastIndex', 'has',
]);

/** String methods: their result is text, never an object such as `{ "$gt": "" }`. */
export const stringMethods = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase',
  'replace', 'replaceAll', 'padStart', 'padEnd', 'normalize', 'substring', 'substr', 'charAt', 'toString',
  'repeat', 'split',
]);

/** Characters that still do harm in each sink once a value is text. */
const dangerous: Readonly<Record<FlowMode, string>> = {
  sql: `'"\\;-`,
  nosql: '',
  path: '/\\',
  shell: ';|&$`\'"<>()\\\n *?',
  html: '<>"\'',
  url: ':/\\',
  code: '\'"`()\\',
  regex: '.*+?^$()[]{}|\\',
  // Followed through every transformation: a rewrite that leaves any sink's characters does not end it.
  any: `'"\\;-/|&$\`<>()\n *?:.+^[]{}`,
};

/**
 * `x.replace(/[^a-z0-9_.-]/gi, '')`: a global replace of every character outside a class. It sanitises a sink
 * when none of the sink's dangerous characters are in the class; escapes such as `\W` or wide ranges could
 * admit anything, so they count as admitting everything.
 */
export function replaceSanitizes(call: ts.CallExpression, mode: FlowMode): boolean {
  const pattern = call.arguments[0];
  if (!pattern || !ts.isRegularExpressionLiteral(pattern)) return false;
  if (mode === 'regex' && escapesPatternSyntax(pattern, call.arguments[1])) return true;
  const m = /^\/\[\^([^\]]*)\][+*]?\/([a-z]*)$/.exec(pattern.text);
  if (!m || !m[2].includes('g')) return false;
  const allowed = m[1];
  if (/\\[WSDwsd\\]|\\x|\\u/.test(allowed)) return mode === 'nosql';
  for (const range of allowed.matchAll(/(.)-(.)/g)) {
    if (!/[a-zA-Z0-9]/.test(range[1]) || !/[a-zA-Z0-9]/.test(range[2])) return mode === 'nosql';
  }
  return ![...dangerous[mode]].some((ch) => allowed.includes(ch));
}

/**
 * `x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`: the escaping idiom, a global replace that puts a backslash
 * before every character of a class holding the pattern syntax (at least `.`, `*`, `+`, `?` and `(`).
 */
function escapesPatternSyntax(pattern: ts.RegularExpressionLiteral, replacement: ts.Expression | undefined): boolean {
  if (!replacement || !ts.isStringLiteralLike(replacement) || replacement.text !== '\\$&') return false;
  const m = /^\/\[(.*)\]\/([a-z]*)$/.exec(pattern.text);
  return m !== null && m[2].includes('g') && !m[1].startsWith('^') && ['.', '*', '+', '?', '('].every((ch) => m[1].includes(ch));
}

/**
 * `path.normalize(p).replace(/^(\.\.(\/|\\|$))+/, '')`: Node's documented way to drop leading `..` segments
 * after normalising. A bare `replace(/\.\.\//g, '')` is not enough (`....//` becomes `../`), so only the
 * normalised form counts.
 */
export function stripsParentSegments(call: ts.CallExpression, receiver: ts.Expression): boolean {
  const pattern = call.arguments[0];
  if (!pattern || !ts.isRegularExpressionLiteral(pattern) || !pattern.text.startsWith('/^') || !pattern.text.includes('\\.\\.')) return false;
  return ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === 'normalize';
}
