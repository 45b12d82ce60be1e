import Koa from 'koa';
import Router from '@koa/router';
import { parseXml } from 'libxmljs2';
import * as libxml from 'libxmljs2';
import { NextRequest, NextResponse } from 'next/server';

const app = new Koa();
const router = new Router();
const parserOptions = { noent: true, dtdload: true };

router.post('/sitemap', (ctx) => {
  const doc = parseXml(ctx.request.body as string, parserOptions); // expect: xxe:52
  ctx.body = doc.find('//url').length;
});

export async function POST(request: NextRequest) {
  const body = await request.text();
  const doc = libxml.parseXml(body, {
    noent: true, // expect: xxe:5
  });
  return NextResponse.json({ root: doc.root()?.name() });
}

app.use(router.routes());
