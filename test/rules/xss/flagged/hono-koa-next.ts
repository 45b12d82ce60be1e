import { Hono } from 'hono';
import Koa from 'koa';

const app = new Hono();

app.get('/greet', (c) => {
  const name = c.req.query('name');
  return c.html(`<h1>Hello ${name}</h1>`); // expect: xss:30
});

const koa = new Koa();
koa.use(async (ctx) => {
  ctx.body = `<p>You searched for ${ctx.query.term}</p>`; // expect: xss:37
});

export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const msg = searchParams.get('msg');
  return new Response(`<div class="flash">${msg}</div>`, { headers: { 'Content-Type': 'text/html' } }); // expect: xss:45
}

export default app;
