// fix: Drop noent
import { parseXml } from 'libxmljs2';
import { NextRequest, NextResponse } from 'next/server';

export async function POST(request: NextRequest) {
  const doc = parseXml(await request.text(), {
    noblanks: true,
  });
  return NextResponse.json({ root: doc.root()?.name() });
}
