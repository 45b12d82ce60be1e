// expect: none
import { NextRequest, NextResponse } from 'next/server';
import { redirect } from 'next/navigation';

export function middleware(request: NextRequest) {
  if (!request.cookies.get('session')) {
    return NextResponse.redirect(new URL('/login', request.url));
  }
  return NextResponse.next();
}

export async function GET(request: NextRequest) {
  const tab = request.nextUrl.searchParams.get('tab');
  redirect(`/settings/${tab}`);
}
