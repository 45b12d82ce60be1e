import { NextRequest, NextResponse } from 'next/server';
import { Hono } from 'hono';
import yaml from 'js-yaml';
import { unserialize } from 'node-serialize';

export async function POST(request: NextRequest) {
  const text = await request.text();
  const manifest = yaml.load(text); // expect: insecure-deserialization:20
  return NextResponse.json(manifest);
}

export function readDefaults(source: string) {
  return yaml.safeLoad(source);
}

const app = new Hono();

app.post('/session', async (c) => {
  const session = unserialize(await c.req.text()); // expect: insecure-deserialization:19
  return c.json({ user: session.user });
});

export default app;
