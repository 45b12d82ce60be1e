// fix: Escape the input with escapeRegExp
import { Hono } from 'hono';

const app = new Hono();

app.get('/highlight', (c) => {
  const word = c.req.query('word') ?? '';
  return c.text('the quick brown fox'.replace(new RegExp(escapeRegExp(word) + '\\b', 'g'), '**$&**'));
});

export default app;

function escapeRegExp(text: unknown): string {
  return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
