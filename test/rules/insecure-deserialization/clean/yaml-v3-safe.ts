// expect: none
import { Hono } from 'hono';
import yaml from 'js-yaml';

const app = new Hono();

app.post('/import', async (c) => {
  const doc = yaml.safeLoad(await c.req.text());
  return c.json(doc);
});

app.post('/import/core', async (c) => {
  const doc = yaml.load(await c.req.text(), { schema: yaml.CORE_SCHEMA });
  return c.json(doc);
});

app.post('/import/failsafe', async (c) => {
  const docs = yaml.safeLoadAll(await c.req.text());
  return c.json(docs);
});

export default app;
