// fix: Load with js-yaml's safeLoad
import { load, safeDump } from 'js-yaml';
import { NextRequest, NextResponse } from 'next/server';

export async function POST(request: NextRequest) {
  const doc = load(await request.text());
  return new NextResponse(safeDump(doc));
}
