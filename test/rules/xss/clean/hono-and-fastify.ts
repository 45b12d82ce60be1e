// expect: none
import { Hono } from 'hono';
import { html } from 'hono/html';
import Fastify from 'fastify';

const app = new Hono();

app.get('/greet', (c) => {
  const name = c.req.query('name');
  return c.html(html`<h1>Hello ${name}</h1>`);
});

app.get('/static', (c) => c.html('<h1>Welcome</h1>'));

const fastify = Fastify();
fastify.get('/echo', async (request, reply) => {
  const { q } = request.query as { q: string };
  return reply.send(`<b>${q}</b> is not HTML here: Fastify sends text/plain`);
});

export default app;
