import { NextRequest, NextResponse } from 'next/server';
import { Hono } from 'hono';
import { db } from './db';

export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get('q') ?? '';
  const products = await db.collection('products').find({ name: { $regex: q, $options: 'i' } }).toArray(); // expect: regex-injection:75
  return NextResponse.json(products);
}

const app = new Hono();

app.get('/highlight', (c) => {
  const word = c.req.query('word') ?? '';
  const text = 'the quick brown fox';
  return c.text(text.replace(new RegExp(word + '\\b', 'g'), '**$&**')); // expect: regex-injection:41
});

export default app;
