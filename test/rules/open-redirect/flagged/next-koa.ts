import { NextRequest, NextResponse } from 'next/server';
import Router from '@koa/router';

export async function GET(request: NextRequest) {
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl');
  if (!callbackUrl) return NextResponse.redirect(new URL('/', request.url));
  return NextResponse.redirect(new URL(callbackUrl, request.url)); // expect: open-redirect:32
}

const router = new Router();
router.get('/sso/return', async (ctx) => {
  ctx.redirect(ctx.query.redirect_uri as string); // expect: open-redirect:16
});

export { router };
