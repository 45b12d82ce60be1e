import { NextRequest, NextResponse } from 'next/server';

export async function GET(request: NextRequest) {
  const target = request.nextUrl.searchParams.get('image');
  const upstream = await fetch(target!); // expect: ssrf:32
  return new NextResponse(upstream.body);
}

export async function POST(request: NextRequest) {
  const { feed } = await request.json();
  const url = new URL(feed);
  const response = await fetch(url); // expect: ssrf:32
  return NextResponse.json(await response.text());
}
