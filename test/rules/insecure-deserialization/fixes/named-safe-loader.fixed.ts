// fix: Load with js-yaml's safeLoad
import { load, safeDump, safeLoad } from 'js-yaml';
import { NextRequest, NextResponse } from 'next/server';

export async function POST(request: NextRequest) {
  const doc = safeLoad(await request.text());
  return new NextResponse(safeDump(doc));
}
