import * as assert from 'node:assert/strict';
import { expressionAt, factsOf } from '../harness/facts-of';

function originOf(source: string, snippet: string, fileName?: string): string | undefined {
  const facts = factsOf(source, fileName);
  return facts.requestOrigin(expressionAt(facts, snippet))?.source;
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
