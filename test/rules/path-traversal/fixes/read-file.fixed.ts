// fix: Reject paths outside the base directory
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import path from 'path';

const TEMPLATES = '/srv/templates';

export async function render(request: Request) {
  const name = new URL(request.url).searchParams.get('t');
  const safePath = path.resolve(TEMPLATES, `${name}.html`);
  if (!safePath.startsWith(path.resolve(TEMPLATES) + path.sep)) throw new Error('Path outside the allowed directory');
  return readFile(safePath, 'utf8');
}
