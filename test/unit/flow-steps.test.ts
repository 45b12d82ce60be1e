/**
 * The flow facts' table for issue 12's sources and steps, in the style of a rule tester: a snippet, the
 * expression asked about, the sink kind, and the source the facts must name (or nothing, for the look-alikes).
 */
import * as assert from 'node:assert/strict';
import { expressionAt, factsOf } from '../harness/facts-of';
import type { FlowQuery, RequestOrigin } from '../../server/src/core/facts/request-data';

interface FlowCase {
  name: string;
  code: string;
  /** The expression asked about: the last one in `code` with exactly this text. */
  at: string;
  query: FlowQuery;
  /** The source the facts name, or undefined when nothing attacker-controlled reaches `at`. */
  source: string | undefined;
  /** For library input: the exported function the value comes from the caller of. */
  caller?: string;
  built?: boolean;
}

function ask(c: FlowCase): RequestOrigin | undefined {
  const facts = factsOf(c.code, c.code.includes('<') ? 'file.tsx' : 'file.ts');
  return facts.requestOrigin(expressionAt(facts, c.at), c.query);
}

const server = (body: string): string => `http.createServer((req, res) => { ${body} });`;
const shell: FlowQuery = { sink: 'shell', callerInput: true };
const path: FlowQuery = { sink: 'path', callerInput: true };

const tainted: FlowCase[] = [
  { name: 'raw req.url', code: server('f(path.join(root, req.url));'), at: 'path.join(root, req.url)', query: { sink: 'path' }, source: 'req.url' },
  { name: 'url.parse(req.url).pathname', code: "import url from 'url';\n" + server('const p = url.parse(req.url).pathname; f(p);'), at: 'p', query: { sink: 'path' }, source: 'req.url.pathname' },
  { name: 'parse imported by name', code: "const { parse } = require('url');\n" + server('const q = parse(req.url, true).query; f(q.file);'), at: 'q.file', query: { sink: 'path' }, source: 'req.url.query.file' },
  { name: 'new URL(req.url, base)', code: server("const { pathname } = new URL(req.url, 'http://x'); f(decodeURIComponent(pathname));"), at: 'decodeURIComponent(pathname)', query: { sink: 'path' }, source: 'req.url.pathname' },
  { name: 'querystring.parse of the body', code: "const qs = require('querystring');\n" + server('const form = qs.parse(req.body); f(form.name);'), at: 'form.name', query: { sink: 'shell' }, source: 'req.body.name' },
  { name: "Koa 1's this.query", code: 'app.use(function* () { f(this.query.file); });', at: 'this.query.file', query: { sink: 'path' }, source: 'this.query.file' },
  { name: "Koa 1's this.request.body", code: 'app.use(function* (next) { f(this.request.body.cmd); });', at: 'this.request.body.cmd', query: { sink: 'shell' }, source: 'this.request.body.cmd' },
  { name: 'GraphQL resolver args', code: 'const resolvers = { Query: { file: (_p, args) => f(args.name) } };', at: 'args.name', query: { sink: 'path' }, source: 'args.name' },
  { name: 'GraphQL resolver method, destructured', code: 'const resolvers = { Mutation: { run(_p, { cmd }) { return f(cmd); } } };', at: 'cmd', query: { sink: 'shell' }, source: 'cmd' },
  { name: 'tRPC input', code: 'const r = t.procedure.input(schema).mutation(({ input }) => f(input.host));', at: 'input.host', query: { sink: 'shell' }, source: 'input.host' },
  { name: 'tRPC opts.input', code: 'const r = t.procedure.input(schema).query((opts) => f(opts.input.q));', at: 'opts.input.q', query: { sink: 'sql' }, source: 'opts.input.q' },
  { name: 'busboy file info', code: "import busboy from 'busboy';\nconst bb = busboy({ headers });\nbb.on('file', (name, file, info) => f(info.filename));", at: 'info.filename', query: { sink: 'path' }, source: 'info.filename' },
  { name: 'formidable fields', code: "import formidable from 'formidable';\nconst form = formidable({});\nform.parse(req, (err, fields, files) => f(fields.name));", at: 'fields.name', query: { sink: 'path' }, source: 'fields.name' },
  { name: 'formidable original file name', code: "import formidable from 'formidable';\nconst form = formidable({});\nform.parse(req, (err, fields, files) => f(files.doc.originalFilename));", at: 'files.doc.originalFilename', query: { sink: 'path' }, source: 'files.doc.originalFilename' },
  { name: 'pushed into an array, then joined', code: server("const parts = ['grep']; parts.push(req.url); f(parts.join(' '));"), at: "parts.join(' ')", query: { sink: 'shell' }, source: 'req.url' },
  { name: 'set on a declared object', code: "app.post('/x', (req, res) => { const q = {}; q.email = req.body.email; f(q); });", at: 'q', query: { sink: 'nosql' }, source: 'req.body.email' },
  { name: 'new Buffer(…)', code: "app.post('/x', (req, res) => { f(new Buffer(req.body.data).toString()); });", at: 'new Buffer(req.body.data).toString()', query: { sink: 'code' }, source: 'req.body.data' },
  { name: 'Promise.resolve(v).then', code: "app.get('/x', (req, res) => { Promise.resolve(req.query.p).then((p) => f(p)); });", at: 'p', query: { sink: 'path' }, source: 'req.query.p' },
  { name: 'library input built into a command', code: "export function log(branch) { f('git log ' + branch); }", at: "'git log ' + branch", query: shell, source: 'branch', caller: 'log', built: true },
  { name: 'library input in a template', code: 'exports.open = function (file) { f(`xdg-open "${file}"`); };', at: '`xdg-open "${file}"`', query: shell, source: 'file', caller: 'open', built: true },
  { name: "library input in an exported function's arguments", code: 'module.exports = function () { f(Array.prototype.slice.call(arguments, 1)); };', at: 'Array.prototype.slice.call(arguments, 1)', query: { sink: 'any', callerInput: true }, source: 'arguments', caller: 'module.exports' },
  { name: 'arguments of a function exported by a chained assignment', code: 'var extend = module.exports = function () { f([].slice.call(arguments)); };', at: '[].slice.call(arguments)', query: { sink: 'any', callerInput: true }, source: 'arguments', caller: 'extend' },
  { name: 'library input past a type-tag test', code: "export function expand(flat) { if (Object.prototype.toString.call(flat) !== '[object Object]') return; f(flat.a); }", at: 'flat.a', query: { sink: 'any', callerInput: true }, source: 'flat.a', caller: 'expand' },
  { name: 'library input after a base', code: "const BASE = 'tpl';\nmodule.exports.load = (name) => f(path.join(BASE, name));", at: 'path.join(BASE, name)', query: path, source: 'name', caller: 'load', built: true },
  { name: 'library input of an options object', code: "export function log(opts: LogOptions) { f(['git', 'log', opts.branch].join(' ')); }", at: "['git', 'log', opts.branch].join(' ')", query: shell, source: 'opts.branch', caller: 'log', built: true },
  { name: 'library input that is the whole command', code: 'export function run(cmd) { f(cmd); }', at: 'cmd', query: shell, source: 'cmd', caller: 'run', built: undefined },
  { name: 'library input appended with +=', code: "export function log(opts) { let cmd = 'git log '; cmd += opts.branch; f(cmd); }", at: 'cmd', query: shell, source: 'opts.branch', caller: 'log', built: true },
  { name: 'library input pushed after own elements', code: "export function grep(p) { const parts = ['grep']; parts.push(p); f(parts.join(' ')); }", at: "parts.join(' ')", query: shell, source: 'p', caller: 'grep', built: true },
  { name: 'library input appended to an empty start', code: "export function run(command) { let cmd = ''; cmd += command; f(cmd); }", at: 'cmd', query: shell, source: 'command', caller: 'run', built: undefined },
  { name: 'library input in a format of its own', code: "import util from 'util';\nexport function lookup(host, type) { f(util.format('dig %s %s', host, type)); }", at: "util.format('dig %s %s', host, type)", query: shell, source: 'host', caller: 'lookup', built: true },
  { name: 'library input as the whole format', code: "import { format } from 'util';\nexport function run(command) { f(format(command)); }", at: 'format(command)', query: shell, source: 'command', caller: 'run', built: undefined },
  { name: 'a global method under a local name', code: "var quote = JSON.stringify;\nexport function say(msg) { f('say ' + quote(msg)); }", at: "'say ' + quote(msg)", query: shell, source: 'msg', caller: 'say', built: true },
  { name: 'library input pushed into a list set after its declaration', code: "export function notify(msg) { var args; args = ['notify-send']; args.push(msg); f(args.join(' ')); }", at: "args.join(' ')", query: shell, source: 'msg', caller: 'notify', built: true },
  { name: 'library input unshifted before own elements', code: "export function run(command) { const parts = ['--verbose']; parts.unshift(command); f(parts.join(' ')); }", at: "parts.join(' ')", query: shell, source: 'command', caller: 'run', built: undefined },
];

const express = (body: string): string => `app.get('/f', (req, res) => { ${body} });`;

const tainted2: FlowCase[] = [
  { name: 'a prefix test on a member as sent', code: express("if (!req.query.f.startsWith(root)) return res.end(); read(req.query.f);"), at: 'req.query.f', query: { sink: 'path' }, source: 'req.query.f' },
  { name: 'a blacklist of .. on a member', code: express("if (req.query.f.includes('..')) return res.end(); read(req.query.f);"), at: 'req.query.f', query: { sink: 'path' }, source: 'req.query.f' },
  { name: 'includes on a URL member', code: express("if (req.query.u.includes('example.com')) res.redirect(req.query.u);"), at: 'req.query.u', query: { sink: 'url' }, source: 'req.query.u' },
  { name: 'another member than the one tested', code: express('if (allowed.includes(req.query.f)) read(req.query.g);'), at: 'req.query.g', query: { sink: 'path' }, source: 'req.query.g' },
  { name: 'a test whose branch does not hold the use', code: express('if (allowed.includes(req.query.f)) res.status(200); read(req.query.f);'), at: 'req.query.f', query: { sink: 'path' }, source: 'req.query.f' },
];

const quiet: FlowCase[] = [
  { name: 'an allow-list on a member path', code: express('if (allowed.includes(req.query.f)) read(req.query.f);'), at: 'req.query.f', query: { sink: 'path' }, source: undefined },
  { name: 'an allow-list early exit on a member path', code: express('if (!ALLOWED.has(req.params.name)) return res.sendStatus(400); read(path.join(root, req.params.name));'), at: 'path.join(root, req.params.name)', query: { sink: 'path' }, source: undefined },
  { name: 'an anchored pattern on a member path, bracketed', code: express("if (/^[a-z]+$/.test(req.query['f'])) read(path.join(root, req.query.f));"), at: 'path.join(root, req.query.f)', query: { sink: 'path' }, source: undefined },
  { name: 'a same-origin check on a member path', code: express("if (new URL(req.query.next, base).origin === location.origin) res.redirect(req.query.next);"), at: 'req.query.next', query: { sink: 'url' }, source: undefined },
  { name: 'req.url in a redirect after the host', code: server("f('https://' + req.headers.host + req.url);"), at: "'https://' + req.headers.host + req.url", query: { sink: 'url' }, source: 'req.headers.host' },
  { name: 'a URL parsed from a constant', code: server("f(new URL('/login', req.url));"), at: "new URL('/login', req.url)", query: { sink: 'url' }, source: undefined },
  { name: 'the host name of a parsed URL, as a path', code: server('f(path.join(dir, new URL(req.url, base).hostname));'), at: 'path.join(dir, new URL(req.url, base).hostname)', query: { sink: 'path' }, source: undefined },
  { name: 'a generator that is not Koa middleware: this outside a generator', code: 'class A { run() { f(this.query.file); } }', at: 'this.query.file', query: { sink: 'path' }, source: undefined },
  { name: 'a resolver map key that is not a root type', code: 'const resolvers = { User: { posts: (parent, args) => f(parent.id) } };', at: 'parent.id', query: { sink: 'sql' }, source: undefined },
  { name: 'a procedure without input', code: 'const r = t.procedure.query(({ ctx }) => f(ctx.user.id));', at: 'ctx.user.id', query: { sink: 'sql' }, source: undefined },
  { name: 'formidable: the path it chose', code: "import formidable from 'formidable';\nconst form = formidable({});\nform.parse(req, (err, fields, files) => f(files.doc.filepath));", at: 'files.doc.filepath', query: { sink: 'path' }, source: undefined },
  { name: 'an event handler of another library', code: "emitter.on('file', (name, file, info) => f(info.filename));", at: 'info.filename', query: { sink: 'path' }, source: undefined },
  { name: 'library input without asking for it', code: "export function log(branch) { f('git log ' + branch); }", at: "'git log ' + branch", query: { sink: 'shell' }, source: undefined },
  { name: 'a parameter of a function the module keeps', code: "function log(branch) { f('git log ' + branch); }", at: "'git log ' + branch", query: shell, source: undefined },
  { name: 'arguments of a function the module keeps', code: 'function extend() { f([].slice.call(arguments)); }', at: '[].slice.call(arguments)', query: { sink: 'any', callerInput: true }, source: undefined },
  { name: 'arguments without asking for library input', code: 'module.exports = function () { f([].slice.call(arguments)); };', at: '[].slice.call(arguments)', query: { sink: 'any' }, source: undefined },
  { name: 'a framework instance passed to an exported plugin', code: 'export const plugin = (app: FastifyInstance) => f(path.join(root, app.config.DIR));', at: 'path.join(root, app.config.DIR)', query: path, source: undefined },
  { name: 'a shell-quoting helper of the file named quote', code: "function quote(s) { return \"'\" + s.replace(/'/g, \"'\\\\''\") + \"'\"; }\nexport function say(msg) { f('say ' + quote(msg)); }", at: "'say ' + quote(msg)", query: shell, source: undefined },
  { name: 'a global method under a name set twice', code: "var quote = JSON.stringify;\nquote = shellQuote;\nexport function say(msg) { f('say ' + quote(msg)); }", at: "'say ' + quote(msg)", query: shell, source: undefined },
  { name: 'a number parameter', code: "export function kill(pid: number) { f('kill ' + pid); }", at: "'kill ' + pid", query: shell, source: undefined },
];

describe('facts: issue 12 sources and steps (snippet → tainted expression → sink)', () => {
  for (const c of tainted) {
    it(`${c.name}: ${c.at} carries ${c.source} into ${c.query.sink}`, () => {
      const origin = ask(c);
      assert.equal(origin?.source, c.source);
      assert.equal(origin?.caller, c.caller);
      if (c.caller !== undefined) assert.equal(origin?.built, c.built);
    });
  }
  for (const c of tainted2) {
    it(`${c.name}: ${c.at} carries ${c.source ?? 'nothing'} into ${c.query.sink}`, () => assert.equal(ask(c)?.source, c.source));
  }
  for (const c of quiet) {
    it(`${c.name}: ${c.source === undefined ? 'nothing' : c.source} reaches ${c.at}`, () => assert.equal(ask(c)?.source, c.source));
  }
});

/** Archive names, decoding after a test, and joins below the root: the path steps of zip slip and static servers. */
const pathSteps: FlowCase[] = [
  { name: "a tar header's link target", code: "extract.on('entry', (header, stream, next) => f(path.resolve(cwd, header.linkname)));", at: 'path.resolve(cwd, header.linkname)', query: { sink: 'path' }, source: 'header.linkname' },
  { name: 'a link target, whatever holds it', code: 'files.map((x) => f(x.linkname));', at: 'x.linkname', query: { sink: 'path' }, source: 'x.linkname' },
  { name: "adm-zip's entry name on an item", code: 'function extract(item, dest) { const name = item.entryName; f(path.resolve(dest, name)); }', at: 'path.resolve(dest, name)', query: { sink: 'path' }, source: 'item.entryName' },
  { name: 'a .. test before decoding', code: "import url from 'url';\n" + server("const p = url.parse(req.url).pathname; if (p.includes('..')) return res.end(); f(path.join(root, decodeURIComponent(p)));"), at: 'path.join(root, decodeURIComponent(p))', query: { sink: 'path' }, source: 'req.url.pathname' },
  { name: 'a prefix test on a path not normalised', code: server("const file = root + decodeURIComponent(req.url); if (!file.startsWith(root)) return res.end(); f(file);"), at: 'file', query: { sink: 'path' }, source: 'req.url' },
  { name: 'joined to the root, then resolved after a base', code: "extract.on('entry', (header) => f(path.resolve(cwd, path.join('/', header.name))));", at: "path.resolve(cwd, path.join('/', header.name))", query: { sink: 'path' }, source: 'header.name' },
  { name: 'a memoised URL parser', code: "const { parse } = require('url');\nconst parseUrl = memoize(parse);\nexport function fileFor(url) { f(path.join(root, parseUrl(url).pathname)); }", at: 'path.join(root, parseUrl(url).pathname)', query: path, source: 'url.pathname' },
  { name: 'one ../ replaced', code: server("f(path.join(root, decodeURIComponent(req.url).replace('../', '')));"), at: "path.join(root, decodeURIComponent(req.url).replace('../', ''))", query: { sink: 'path' }, source: 'req.url' },
];

const pathStepsQuiet: FlowCase[] = [
  { name: 'joined to the root first, then after a base', code: "extract.on('entry', (header) => f(path.join(cwd, path.join('/', header.linkname))));", at: "path.join(cwd, path.join('/', header.linkname))", query: { sink: 'path' }, source: undefined },
  { name: 'normalised below the root, then after a base', code: "extract.on('entry', (header) => f(path.join(cwd, path.normalize('/' + header.name))));", at: "path.join(cwd, path.normalize('/' + header.name))", query: { sink: 'path' }, source: undefined },
  { name: 'a .. test after decoding', code: "import url from 'url';\n" + server("const p = decodeURIComponent(url.parse(req.url).pathname); if (p.includes('..')) return res.end(); f(path.join(root, p));"), at: 'path.join(root, p)', query: { sink: 'path' }, source: undefined },
  { name: 'a prefix test on a joined path', code: server("const file = path.join(root, decodeURIComponent(req.url)); if (!file.startsWith(root + path.sep)) return res.end(); f(file);"), at: 'file', query: { sink: 'path' }, source: undefined },
  { name: 'a .. pattern tested on the normalised path', code: server("const p = decodeURIComponent(req.url); if (/(^|\\/)\\.\\.(\\/|$)/.test(path.normalize(p))) return res.end(); f(path.join(root, p));"), at: 'path.join(root, p)', query: { sink: 'path' }, source: undefined },
  { name: 'a leading .. test on a normalised entry name', code: "zip.on('entry', (entry) => { const name = path.normalize(entry.path); if (name.startsWith('..') || path.isAbsolute(name)) return; f(path.join(dest, name)); });", at: 'path.join(dest, name)', query: { sink: 'path' }, source: undefined },
];

describe('facts: path steps (archive names, decoding, joins below the root)', () => {
  for (const c of pathSteps) {
    it(`${c.name}: ${c.at} carries ${c.source} into ${c.query.sink}`, () => assert.equal(ask(c)?.source, c.source));
  }
  for (const c of pathStepsQuiet) {
    it(`${c.name}: nothing reaches ${c.at}`, () => assert.equal(ask(c)?.source, undefined));
  }
});
