// fix: Use hono/html's escaping html`` template
import { Hono } from 'hono';

const app = new Hono();

app.get('/greet', (c) => c.html(`<h1>Hello ${c.req.query('name')}</h1>`));

export default app;
