// expect: none
import { Hono } from 'hono';
import { parseXml } from 'libxmljs2';

const app = new Hono();
const strict = { nonet: true, noblanks: true };

app.post('/a', async (c) => {
  const doc = parseXml(await c.req.text(), strict);
  return c.json({ root: doc.root()?.name() });
});

app.post('/b', async (c) => {
  const doc = parseXml(await c.req.text(), { noent: process.env.XML_ENTITIES === 'on' });
  return c.json({ root: doc.root()?.name() });
});

app.get('/c', () => {
  const doc = parseXml('<a>&amp;</a>', { noent: true });
  return new Response(doc.root()?.name());
});

export default app;
