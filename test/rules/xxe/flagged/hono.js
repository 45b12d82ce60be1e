const { Hono } = require('hono');
const libxmljs = require('libxmljs2');

const app = new Hono();

app.post('/rss', async (c) => {
  const xml = await c.req.text();
  const doc = libxmljs.parseXml(xml, { noent: true }); // expect: xxe:40
  return c.json({ entries: doc.find('//entry').length });
});

app.get('/feed', async (c) => {
  const response = await fetch('https://partner.example.com/feed.xml');
  const body = await response.text();
  const doc = libxmljs.parseXml(body, { noent: true }); // expect: xxe:41
  return c.json({ entries: doc.find('//entry').length });
});

module.exports = app;
