import { Hono } from 'hono';
import ky from 'ky';

const app = new Hono();

app.get('/unfurl', async (c) => {
  const link = c.req.query('link');
  const html = await ky.get(link!).text(); // expect: ssrf:29
  return c.text(html);
});

export default app;
