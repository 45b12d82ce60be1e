import { NextRequest, NextResponse } from 'next/server';
import { sql as pg } from '@/lib/db';

export async function GET(request: NextRequest) {
  const term = request.nextUrl.searchParams.get('q');
  const rows = await pg.query(`SELECT id, title FROM articles WHERE title LIKE '%${term}%'`); // expect: sql-injection:31
  return NextResponse.json(rows);
}

export async function POST(request: NextRequest) {
  const body = await request.json();
  await pg.query(`INSERT INTO feedback (message) VALUES ('${body.message}')`); // expect: sql-injection:18
  return NextResponse.json({ ok: true });
}
