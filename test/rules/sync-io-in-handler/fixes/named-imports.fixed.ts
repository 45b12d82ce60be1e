// fix: Use await readFile
import { Controller, Get } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

@Controller('legal')
export class LegalController {
  @Get('terms')
  async terms() {
    return { text: await readFile('./legal/terms.md', 'utf8') };
  }
}
