import { readFile, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs';
import path from 'node:path';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { NextRequest, NextResponse } from 'next/server';

const TEMPLATES = path.join(process.cwd(), 'templates');

@Controller('templates')
export class TemplatesController {
  @Get(':name')
  render(@Param('name') name: string) {
    return readFile(path.join(TEMPLATES, name), 'utf8'); // expect: path-traversal:21
  }

  @Get()
  list(@Query('dir') dir: string) {
    return fs.promises.readdir(path.join(TEMPLATES, dir)); // expect: path-traversal:32
  }
}

export async function GET(request: NextRequest, { params }: { params: { slug: string } }) {
  const body = await fs.promises.readFile(path.join(process.cwd(), 'content', `${params.slug}.md`), 'utf8'); // expect: path-traversal:43
  return new NextResponse(body);
}

export async function POST(request: NextRequest) {
  const form = await request.formData();
  const file = form.get('file') as File;
  const dest = path.join(process.cwd(), 'public', 'uploads', file.name);
  await writeFile(dest, Buffer.from(await file.arrayBuffer())); // expect: path-traversal:19
  return NextResponse.json({ ok: true });
}
