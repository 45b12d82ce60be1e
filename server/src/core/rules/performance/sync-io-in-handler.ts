import * as ts from 'typescript';
import type { Facts } from '../../facts/facts';
import type { LibraryId } from '../../catalog';
import type { OffsetEdit, OffsetFix, Rule } from '../../rule';
import { calleeName, canAwait, enclosingFunction, isFunctionLike, unwrap } from '../../facts/syntax';
import { addNamedImport } from '../../fixers/add-import';

type Family = 'fs' | 'child_process' | 'crypto' | 'bcrypt' | 'zlib';

/** Blocking calls, the library they must come from, and their promise-based twin where one behaves the same. */
const blocking: Readonly<Record<string, { family: Family; async?: string }>> = {
  readFileSync: { family: 'fs', async: 'readFile' },
  writeFileSync: { family: 'fs', async: 'writeFile' },
  appendFileSync: { family: 'fs', async: 'appendFile' },
  readdirSync: { family: 'fs', async: 'readdir' },
  statSync: { family: 'fs', async: 'stat' },
  lstatSync: { family: 'fs', async: 'lstat' },
  mkdirSync: { family: 'fs', async: 'mkdir' },
  unlinkSync: { family: 'fs', async: 'unlink' },
  copyFileSync: { family: 'fs', async: 'copyFile' },
  renameSync: { family: 'fs', async: 'rename' },
  rmSync: { family: 'fs', async: 'rm' },
  execSync: { family: 'child_process' },
  execFileSync: { family: 'child_process' },
  spawnSync: { family: 'child_process' },
  pbkdf2Sync: { family: 'crypto', async: 'pbkdf2' },
  scryptSync: { family: 'crypto', async: 'scrypt' },
  generateKeyPairSync: { family: 'crypto', async: 'generateKeyPair' },
  hashSync: { family: 'bcrypt', async: 'hash' },
  compareSync: { family: 'bcrypt', async: 'compare' },
  genSaltSync: { family: 'bcrypt', async: 'genSalt' },
  gzipSync: { family: 'zlib', async: 'gzip' },
  gunzipSync: { family: 'zlib', async: 'gunzip' },
  deflateSync: { family: 'zlib', async: 'deflate' },
  inflateSync: { family: 'zlib', async: 'inflate' },
  brotliCompressSync: { family: 'zlib', async: 'brotliCompress' },
  brotliDecompressSync: { family: 'zlib', async: 'brotliDecompress' },
};
const librariesOf: Readonly<Record<Family, ReadonlySet<LibraryId | undefined>>> = {
  fs: new Set(['fs', 'fs-extra', 'graceful-fs']),
  child_process: new Set(['child_process']),
  crypto: new Set(['crypto']),
  bcrypt: new Set(['bcrypt']),
  zlib: new Set(['zlib']),
};
const globalNames: Readonly<Record<Family, RegExp>> = {
  fs: /^fs$/, child_process: /^(child_process|cp|childProcess)$/, crypto: /^crypto$/, bcrypt: /^bcrypt(js)?$/, zlib: /^zlib$/,
};
/** Command-line tools and build scripts may block: nothing else is waiting on them. */
const scriptPath = /(^|[\\/])(bin|scripts?|tools|cli)[\\/]|(^|[\\/])(gulpfile|gruntfile|webpack\.config|rollup\.config|vite\.config)\.[cm]?[jt]s$/i;

interface Candidate {
  call: ts.CallExpression;
  name: string;
  module: string | undefined;
  /** The receiver in `fs.readFileSync(…)`; undefined for a named import. */
  receiver: ts.Expression | undefined;
}

/** The library a blocking call comes from, or undefined when it is someone else's `hashSync`. */
function blockingModule(call: ts.CallExpression, family: Family, facts: Facts): { module: string | undefined; receiver: ts.Expression | undefined } | undefined {
  const callee = unwrap(call.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  if (receiver && !ts.isIdentifier(receiver) && !ts.isPropertyAccessExpression(receiver)) return undefined;
  const ref = facts.libraryOf(callee);
  if (ref) return librariesOf[family].has(ref.library) ? { module: ref.module, receiver } : undefined;
  // A snippet whose import is elsewhere: `fs.readFileSync` on a name nothing in the file declares.
  if (receiver && ts.isIdentifier(receiver) && globalNames[family].test(receiver.text) && facts.resolve(receiver) === undefined) return { module: undefined, receiver };
  return undefined;
}

/** `await x` where the call stood, parenthesised when something reads from its result (`(await f()).toString()`). */
function awaited(call: ts.CallExpression, code: string): string {
  const p = call.parent;
  const needsParens = (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isCallExpression(p)) && p.expression === call;
  return needsParens ? `(await ${code})` : `await ${code}`;
}

function argsText(call: ts.CallExpression, sourceFile: ts.SourceFile): string {
  const args = call.arguments;
  return args.length === 0 ? '' : sourceFile.text.slice(args[0].getStart(sourceFile), args[args.length - 1].getEnd());
}

/** The promise-based call with `await`, for the calls whose twin returns and throws the same. */
function asyncFix(c: Candidate, facts: Facts): OffsetFix | undefined {
  const spec = blocking[c.name];
  if (!spec.async) return undefined;
  if (!canAwait(c.call)) return undefined;
  const sourceFile = facts.sourceFile;
  const args = argsText(c.call, sourceFile);
  const receiver = c.receiver?.getText(sourceFile);
  // `statSync(p, { throwIfNoEntry: false })` has no promise-based form; bcryptjs's `hash` needs its rounds.
  if ((c.name === 'statSync' || c.name === 'lstatSync') && c.call.arguments.length > 1) return undefined;
  if (c.name === 'hashSync' && c.call.arguments.length < 2) return undefined;
  const edits: OffsetEdit[] = [];
  let code: string;
  if (spec.family === 'fs') {
    const module = c.module ?? 'fs';
    if (receiver) code = module === 'fs-extra' ? `${receiver}.${spec.async}(${args})` : `${receiver}.promises.${spec.async}(${args})`;
    else {
      if (module === 'fs-extra' || module === 'graceful-fs') return undefined;
      const imported = addNamedImport(facts, { module: `${module}/promises`, name: spec.async });
      if (!imported) return undefined;
      if (imported.edit) edits.push(imported.edit);
      code = `${imported.name}(${args})`;
    }
  } else if (spec.family === 'bcrypt') {
    if (!receiver) return undefined;
    code = `${receiver}.${spec.async}(${args})`;
  } else {
    if (!receiver) return undefined;
    const util = facts.imports.find((i) => i.library === 'util')?.module ?? 'util';
    const promisify = addNamedImport(facts, { module: util, name: 'promisify' });
    if (!promisify) return undefined;
    if (promisify.edit) edits.push(promisify.edit);
    code = `${promisify.name}(${receiver}.${spec.async})(${args})`;
  }
  edits.push({ start: c.call.getStart(sourceFile), end: c.call.getEnd(), text: awaited(c.call, code) });
  // The title names the call: "Use await fs.promises.readFile", "Use await promisify(crypto.scrypt)".
  const head = spec.family === 'crypto' || spec.family === 'zlib' ? code.slice(0, code.indexOf(')') + 1) : code.slice(0, code.indexOf('('));
  return { title: `Use await ${head}`, safe: true, edits };
}

export const syncIoInHandler: Rule = {
  meta: {
    id: 'sync-io-in-handler',
    category: 'performance',
    defaultSeverity: 'warning',
    title: 'Blocking call in a request handler',
    description:
      'Node serves every request on one thread: a synchronous file read, shell command or password hash inside a request handler stops the whole server until it returns, so latency grows with load. Use the promise-based call with `await`.',
    fixable: 'safe',
    // File-wide: a handler reaches a helper through any number of calls, in units an edit elsewhere never reaches.
    scope: 'file',
    sources: ['Node.js guide "Don\'t Block the Event Loop"', 'eslint-plugin-n no-sync'],
  },
  create(context) {
    const { facts, sourceFile, projectPath } = context;
    if (facts.isTestFile || sourceFile.text.startsWith('#!') || scriptPath.test(projectPath)) return {};
    const candidates: Candidate[] = [];
    /** Calls of same-file functions by name (`loadTemplate()`, `this.render()`): resolved only if a candidate needs them. */
    const localCalls: ts.CallExpression[] = [];

    return {
      CallExpression(call) {
        const callee = call.expression;
        if (ts.isIdentifier(callee) || (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword)) localCalls.push(call);
        const name = calleeName(call);
        if (name === undefined || !Object.prototype.hasOwnProperty.call(blocking, name)) return;
        const found = blockingModule(call, blocking[name].family, facts);
        if (found && enclosingFunction(call)) candidates.push({ call, name, ...found });
      },
      end() {
        if (candidates.length === 0) return;
        const handlers = new Set<ts.Node>();
        for (const r of facts.routes) if (r.handler) handlers.add(r.handler);
        const isHandler = (fn: ts.FunctionLikeDeclaration): boolean => {
          if (handlers.has(fn)) return true;
          const [first, second] = fn.parameters;
          // The (req, res) shape: Express, Node's http, Connect middleware registered in another file.
          return first !== undefined && second !== undefined && facts.isRequestParameter(first) && ts.isIdentifier(second.name) && /^(res|response|reply)$/.test(second.name.text);
        };
        const reached = new Map<ts.Node, string>();
        const servingFunction = (node: ts.Node): { fn: ts.FunctionLikeDeclaration; via?: string } | undefined => {
          for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
            if (!isFunctionLike(n)) continue;
            if (isHandler(n)) return { fn: n };
            const via = reached.get(n);
            if (via !== undefined) return { fn: n, via };
          }
          return undefined;
        };
        const targetOf = (call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined => {
          const callee = call.expression;
          if (ts.isIdentifier(callee)) return facts.localFunction(callee);
          if (!ts.isPropertyAccessExpression(callee)) return undefined;
          let cls: ts.Node | undefined = call.parent;
          while (cls && !ts.isClassLike(cls)) cls = cls.parent;
          const member = cls?.members.find((m) => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === callee.name.text);
          return member as ts.MethodDeclaration | undefined;
        };
        // Helpers called from handlers, and helpers they call, to a fixpoint (a handful of rounds in real files).
        for (let changed = true, round = 0; changed && round < 8; round++) {
          changed = false;
          for (const call of localCalls) {
            const target = targetOf(call);
            if (!target || reached.has(target) || handlers.has(target)) continue;
            if (servingFunction(call)) {
              reached.set(target, call.expression.getText(sourceFile));
              changed = true;
            }
          }
        }
        for (const c of candidates) {
          const serving = servingFunction(c.call);
          if (!serving) continue;
          const where = serving.via === undefined ? 'inside a request handler' : `in a function the request handler calls (\`${serving.via}\`)`;
          const fix = asyncFix(c, facts);
          const callee = unwrap(c.call.expression).getText(sourceFile);
          context.report({
            at: c.call.expression,
            message: `\`${callee}\` blocks the event loop ${where}: while it runs, every other request on this server waits. ${blocking[c.name].async ? 'Use the promise-based call with `await`.' : 'Run it asynchronously (`execFile` with `await`, a worker or a job queue).'}`,
            fixes: fix ? [fix] : [],
          });
        }
      },
    };
  },
};
