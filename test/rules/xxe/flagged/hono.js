const { Hono } = require('hono');
const libxmljs = require('libxmljs2');

const app = new Hono();

app.post('/rss', async (c) => {
  const xml = await c.req.text();
  const doc = libxmljs.parseXml(xml, { noent: true }); // expect: xxe:40
  return c.json({ entries: doc.find('//entry').length });
});

module.exports = app;
