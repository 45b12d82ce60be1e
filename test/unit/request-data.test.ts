import * as assert from 'node:assert/strict';
import { expressionAt, factsOf } from '../harness/facts-of';
import type { SinkKind } from '../../server/src/core/facts/request-data';

function originOf(source: string, snippet: string, sink?: SinkKind): string | undefined {
  const facts = factsOf(source);
  return facts.requestOrigin(expressionAt(facts, snippet), sink ? { sink } : undefined)?.source;
}

describe('facts: request data and its flow within a function', () => {
  const handler = (body: string): string => `app.post('/x', async (req, res) => { ${body} });`;
  const cases: [string, string, string, string | undefined][] = [
    ['req.body member', handler('f(req.body.email);'), 'req.body.email', 'req.body.email'],
    ['req.query, req.params, req.headers, req.cookies', handler('f(req.cookies.sid);'), 'req.cookies.sid', 'req.cookies.sid'],
    ['through a variable', handler('const email = req.body.email; f(email);'), 'email', 'req.body.email'],
    ['through destructuring', handler('const { email } = req.body; f(email);'), 'email', 'req.body.email'],
    ['through nested destructuring', handler('const { user: { email } } = req.body; f(email);'), 'email', 'req.body.user.email'],
    ['destructured parameter', "app.post('/x', ({ body }, res) => { f(body.email); });", 'body.email', 'req.body.email'],
    ['template literal', handler('const q = `a ${req.query.q} b`; f(q);'), 'q', 'req.query.q'],
    ['concatenation', handler("const q = 'a' + req.params.id; f(q);"), 'q', 'req.params.id'],
    ['let with a later +=', handler("let q = 'a'; q += req.query.sort; f(q);"), 'q', 'req.query.sort'],
    ['util.format', handler("const q = util.format('%s', req.body.name); f(q);"), 'q', 'req.body.name'],
    ['String()', handler('const q = String(req.body.n); f(q);'), 'q', 'req.body.n'],
    ['string methods', handler('const q = req.body.email.trim().toLowerCase(); f(q);'), 'q', 'req.body.email'],
    ['helper in the same file', "function build(e) { return `x ${e}`; }\n" + handler('const q = build(req.body.email); f(q);'), 'q', 'req.body.email'],
    ['arrow helper in the same file', 'const build = (e) => `x ${e}`;\n' + handler('f(build(req.body.e));'), 'build(req.body.e)', 'req.body.e'],
    ['Koa ctx.request.body', "router.post('/x', async (ctx) => { f(ctx.request.body.name); });", 'ctx.request.body.name', 'ctx.request.body.name'],
    ['Next.js request.json()', 'export async function POST(request: Request) { const { email } = await request.json(); f(email); }', 'email', 'request.json().email'],
    ['Next.js searchParams.get()', 'export async function GET(request: NextRequest) { const q = request.nextUrl.searchParams.get("q"); f(q); }', 'q', 'request.nextUrl.searchParams.get()'],
    ['formData().get()', 'export async function POST(request: Request) { const form = await request.formData(); const n = form.get("n"); f(n); }', 'n', 'request.formData()'],
    ['Hono c.req.query()', "app.get('/x', (c) => { const q = c.req.query('q'); return f(q); });", 'q', "c.req.query()"],
    ['NestJS @Body()', 'class C { @Post() login(@Body() dto: LoginDto) { return f(dto.email); } }', 'dto.email', '@Body() dto.email'],
    ['NestJS @Query(name)', "class C { @Get() find(@Query('q') q: string) { return f(q); } }", 'q', '@Query() q'],
  ];
  for (const [name, source, snippet, expected] of cases) {
    it(name, () => assert.equal(originOf(source, snippet), expected));
  }

  const clean: [string, string, string][] = [
    ['a constant', handler("const q = 'a'; f(q);"), 'q'],
    ['a number made from request data', handler('const n = Number(req.query.n); f(n);'), 'n'],
    ['parseInt of request data', handler('const n = parseInt(req.params.id, 10); f(n);'), 'n'],
    ['the length of request data', handler('const n = req.body.items.length; f(n);'), 'n'],
    ['a parameter of an ordinary function', 'function g(body) { return f(body.email); }', 'body.email'],
    ['res, not req', handler('f(res.locals.user);'), 'res.locals.user'],
    ['a hashed value', handler('const h = await bcrypt.hash(req.body.password, 10); f(h);'), 'h'],
    ['a helper that ignores its argument', "function build(e) { return 'x'; }\n" + handler('f(build(req.body.e));'), 'build(req.body.e)'],
  ];
  for (const [name, source, snippet] of clean) {
    it(`not from ${name}`, () => assert.equal(originOf(source, snippet), undefined));
  }
});

describe('facts: request data sources and propagation', () => {
  const handler = (body: string): string => `app.post('/x', async (req, res) => { ${body} });`;
  const cases: [string, string, string, string | undefined][] = [
    ['destructuring with a rename and a default', handler("const { file: name = 'a.txt' } = req.query; f(name);"), 'name', 'req.query.file'],
    ['a rest element', handler('const { id, ...fields } = req.body; f(fields);'), 'fields', 'req.body'],
    ['object spread', handler('const doc = { ...req.body, owner: 1 }; f(doc);'), 'doc', 'req.body'],
    ['Object.assign', handler('const doc = Object.assign({}, req.body); f(doc);'), 'doc', 'req.body'],
    ['JSON.parse of a source', handler('const filter = JSON.parse(req.query.filter); f(filter);'), 'filter', 'req.query.filter'],
    ['path.join', handler("const p = path.join(__dirname, 'files', req.params.name); f(p);"), 'p', 'req.params.name'],
    ['path.resolve from an import', "import { resolve } from 'node:path';\n" + handler("const p = resolve('/srv', req.query.f); f(p);"), 'p', 'req.query.f'],
    ['decodeURIComponent', handler('const p = decodeURIComponent(req.params.p); f(p);'), 'p', 'req.params.p'],
    ['for…of over request data', handler('for (const item of req.body.items) f(item.name);'), 'item.name', 'req.body.items.name'],
    ['an array callback', handler('req.body.files.forEach((file) => f(file));'), 'file', 'req.body.files[]'],
    ['a helper returning request data', 'function fileOf(req) { return req.query.file; }\n' + handler('f(fileOf(req));'), 'fileOf(req)', 'req.query.file'],
    ['into a helper by its call site', 'function load(file) { return f(file); }\n' + handler('load(req.query.name);'), 'file', 'req.query.name'],
    ['into an arrow helper by its call site', 'const run = (cmd) => f(cmd);\n' + handler('run(`ls ${req.body.dir}`);'), 'cmd', 'req.body.dir'],
    ['a server action FormData parameter', "'use server';\nexport async function create(formData: FormData) { const t = formData.get('title'); f(t); }", 't', 'formData'],
    ['a Next.js route handler params', 'export async function GET(request: Request, { params }: { params: { id: string } }) { f(params.id); }', 'params.id', 'params.id'],
    ['a Next.js page searchParams', 'export default async function Page({ searchParams }) { const { q } = await searchParams; f(q); }', 'q', 'searchParams.q'],
    ['a Next.js page props.params', 'export default function Page(props) { f(props.params.slug); }', 'props.params.slug', 'props.params.slug'],
    ['a ws message', "wss.on('connection', (ws) => { ws.on('message', (data) => { f(data.toString()); }); });", 'data.toString()', 'the socket message'],
    ['a browser message event', "window.addEventListener('message', (e) => { f(e.data); });", 'e.data', 'the socket message.data'],
    ['onmessage', 'socket.onmessage = (event) => { f(event.data); };', 'event.data', 'the socket message.data'],
    ['a socket.io event payload', "io.on('connection', (socket) => { socket.on('rename', (payload) => { f(payload.name); }); });", 'payload.name', "the 'rename' event payload.name"],
  ];
  for (const [name, source, snippet, expected] of cases) {
    it(name, () => assert.equal(originOf(source, snippet), expected));
  }

  const clean: [string, string, string][] = [
    ['a worker message', "worker.on('message', (result) => { f(result); });", 'result'],
    ['a socket lifecycle event', "io.on('connection', (socket) => { socket.on('disconnect', (reason) => f(reason)); });", 'reason'],
    ['a FormData parameter outside a server action', 'export async function create(formData: FormData) { f(formData.get("t")); }', 'formData.get("t")'],
    ['a helper only ever called with constants', "function load(name) { return f(name); }\nload('a.txt');", 'name'],
    ['a question asked of request data', handler("const bad = req.body.name.includes('<'); f(bad);"), 'bad'],
    ['params of an ordinary component', 'function Card({ params }) { return f(params.id); }', 'params.id'],
  ];
  for (const [name, source, snippet] of clean) {
    it(`not from ${name}`, () => assert.equal(originOf(source, snippet), undefined));
  }
});

describe('facts: request data reaching a sink, unsanitised for its kind', () => {
  const handler = (body: string): string => `app.post('/x', async (req, res) => { ${body} });`;
  // [name, source, snippet, sinks it still reaches, sinks it no longer reaches]
  const cases: [string, string, string, SinkKind[], SinkKind[]][] = [
    ['a raw body value', handler('f(req.body.user);'), 'req.body.user', ['sql', 'nosql', 'path', 'shell', 'html', 'url', 'code'], []],
    ['String()', handler('f(String(req.body.user));'), 'String(req.body.user)', ['path', 'html', 'shell'], ['nosql']],
    ['a template literal', handler('f(`${req.query.q}`);'), '`${req.query.q}`', ['html', 'code'], ['nosql']],
    ['a string method', handler('f(req.body.email.toLowerCase());'), 'req.body.email.toLowerCase()', ['html'], ['nosql']],
    ['a path parameter (always text)', handler('f(req.params.id);'), 'req.params.id', ['path', 'shell'], ['nosql']],
    ['JSON.parse of text', handler('f(JSON.parse(req.params.filter));'), 'JSON.parse(req.params.filter)', ['nosql', 'code'], []],
    ['Number()', handler('f(Number(req.query.n));'), 'Number(req.query.n)', [], ['sql', 'nosql', 'path', 'shell', 'html', 'url', 'code']],
    ['parseInt with a check', handler('const n = parseInt(req.query.n, 10); if (Number.isNaN(n)) return; f(n);'), 'n', [], ['path', 'shell', 'html']],
    ['path.basename', handler('f(path.basename(req.params.name));'), 'path.basename(req.params.name)', ['html', 'shell'], ['path']],
    ['path.join of a basename', handler("f(path.join(dir, path.basename(req.query.f)));"), "path.join(dir, path.basename(req.query.f))", ['html'], ['path']],
    ['encodeURIComponent', handler('f(encodeURIComponent(req.query.next));'), 'encodeURIComponent(req.query.next)', ['code'], ['url', 'html', 'path', 'nosql']],
    ['an imported escape-html', "import escapeHtml from 'escape-html';\n" + handler('f(escapeHtml(req.query.q));'), 'escapeHtml(req.query.q)', [], ['html']],
    ['a local escapeHtml helper', "function escapeHtml(s) { return s.replace(/</g, '&lt;'); }\n" + handler('f(escapeHtml(req.query.q));'), 'escapeHtml(req.query.q)', ['path'], ['html']],
    ['DOMPurify.sanitize', handler('f(DOMPurify.sanitize(req.body.bio));'), 'DOMPurify.sanitize(req.body.bio)', [], ['html']],
    ['a zod-validated value', handler('const { name } = Schema.parse(req.body); f(name);'), 'name', [], ['nosql', 'path', 'shell']],
    ['a joi-validated value', handler('const { value } = schema.validate(req.body); f(value.name);'), 'value.name', [], ['nosql', 'path']],
    ['mongo-sanitize', handler('f(mongoSanitize(req.body.user));'), 'mongoSanitize(req.body.user)', [], ['nosql']],
    ['shell-quote', handler('f(quote([req.body.file]));'), 'quote([req.body.file])', [], ['shell']],
    ['a global replace of everything outside a safe class', handler("f(req.query.f.replace(/[^a-z0-9._-]/gi, ''));"), "req.query.f.replace(/[^a-z0-9._-]/gi, '')", ['sql'], ['path', 'shell', 'html']],
    ['a naive ../ strip', handler("f(req.query.f.replace(/\\.\\.\\//g, ''));"), "req.query.f.replace(/\\.\\.\\//g, '')", ['path'], []],
    ['normalize and strip leading ..', handler("f(path.normalize(req.query.f).replace(/^(\\.\\.(\\/|\\\\|$))+/, ''));"), "path.normalize(req.query.f).replace(/^(\\.\\.(\\/|\\\\|$))+/, '')", ['html'], ['path']],
    ['an allow-list lookup', handler('const cmd = COMMANDS[req.query.action]; f(cmd);'), 'cmd', [], ['shell', 'code']],
    ['JSON.stringify', handler('f(JSON.stringify(req.body));'), 'JSON.stringify(req.body)', ['html'], ['code', 'nosql']],
  ];
  for (const [name, source, snippet, reaches, stops] of cases) {
    for (const sink of reaches) it(`${name} reaches a ${sink} sink`, () => assert.ok(originOf(source, snippet, sink)));
    for (const sink of stops) it(`${name} is safe for a ${sink} sink`, () => assert.equal(originOf(source, snippet, sink), undefined));
  }
});

describe('facts: guards that end a flow by control flow', () => {
  const handler = (body: string): string => `app.post('/x', async (req, res) => { ${body} });`;
  const cases: [string, string, string, SinkKind[], SinkKind[]][] = [
    ['an includes() early return', handler("const { action } = req.query; if (!ALLOWED.includes(action)) return res.sendStatus(400); f(action);"), 'action', [], ['shell', 'path', 'html', 'code']],
    ['an includes() early return in a block', handler("const t = req.body.type; if (!TYPES.includes(t)) { res.status(400); return; } f(t);"), 't', [], ['shell']],
    ['an includes() if block', handler('const t = req.body.type; if (TYPES.includes(t)) { f(t); }'), 't', [], ['shell']],
    ['a Set.has() with ||', handler('const t = req.body.type; if (!t || !KINDS.has(t)) throw new Error("bad"); f(t);'), 't', [], ['code']],
    ['a key in an object', handler('const t = req.body.type; if (!(t in HANDLERS)) return; f(t);'), 't', [], ['code']],
    ['an anchored pattern test', handler('const id = req.params.id; if (!/^[a-z0-9-]+$/.test(id)) return res.end(); f(id);'), 'id', [], ['shell', 'path']],
    ['a validator predicate', handler('const id = req.params.id; if (!validator.isUUID(id)) return; f(id);'), 'id', [], ['shell', 'path']],
    ['a ?: branch', handler("const s = req.query.sort; f(SORTS.includes(s) ? s : 'date');"), "SORTS.includes(s) ? s : 'date'", [], ['sql', 'shell']],
    ['an && guard', handler('const s = req.query.s; ALLOWED.has(s) && f(s);'), 's', [], ['shell']],
    ['a switch case', handler("const m = req.query.mode; switch (m) { case 'fast': f(m); break; }"), 'm', [], ['shell']],
    ['typeof string for nosql', handler("const u = req.body.user; if (typeof u !== 'string') return res.sendStatus(400); f(u);"), 'u', ['path', 'shell'], ['nosql']],
    ['a resolved-prefix check', handler("const p = path.resolve(root, req.query.f); if (!p.startsWith(root + path.sep)) return res.sendStatus(403); f(p);"), 'p', ['html', 'shell'], ['path']],
    ['a relative-path check', handler("const full = path.join(root, req.query.f); const rel = path.relative(root, full); if (rel.startsWith('..') || path.isAbsolute(rel)) return res.sendStatus(403); f(full);"), 'full', ['html'], ['path']],
    ['a no-.. check', handler("const name = req.query.f; if (name.includes('..')) return res.sendStatus(400); f(name);"), 'name', ['html'], ['path']],
    ['a relative-URL check', handler("const next = req.query.next; if (next.startsWith('/') && !next.startsWith('//')) { f(next); }"), 'next', ['html'], ['url']],
    ['isURL is no url guard', handler('const u = req.query.u; if (!validator.isURL(u)) return; f(u);'), 'u', ['url'], ['shell']],
  ];
  for (const [name, source, snippet, reaches, stops] of cases) {
    for (const sink of reaches) it(`${name}: still reaches a ${sink} sink`, () => assert.ok(originOf(source, snippet, sink)));
    for (const sink of stops) it(`${name}: safe for a ${sink} sink`, () => assert.equal(originOf(source, snippet, sink), undefined));
  }

  const unguarded: [string, string, string, SinkKind][] = [
    ['a check that does not exit', handler("const a = req.query.a; if (!ALLOWED.includes(a)) { console.warn('odd'); } f(a);"), 'a', 'shell'],
    ['a check after the use', handler('const a = req.query.a; f(a); if (!ALLOWED.includes(a)) return;'), 'a', 'shell'],
    ['a check of another value', handler('const a = req.query.a; const b = req.query.b; if (!ALLOWED.includes(b)) return; f(a);'), 'a', 'shell'],
    ['an unanchored pattern', handler('const a = req.query.a; if (!/[a-z]+/.test(a)) return; f(a);'), 'a', 'shell'],
    ['the else of an allow-list test', handler('const a = req.query.a; if (ALLOWED.includes(a)) { g(); } else { f(a); }'), 'a', 'shell'],
    ['a prefix check before resolving', handler("const name = req.query.f; if (!name.startsWith('uploads')) return; f(path.join(root, name));"), 'path.join(root, name)', 'path'],
  ];
  for (const [name, source, snippet, sink] of unguarded) {
    it(`not guarded by ${name}`, () => assert.ok(originOf(source, snippet, sink)));
  }
});
