// fix: Use await readFile
import { Controller, Get } from '@nestjs/common';
import { readFileSync } from 'node:fs';

@Controller('legal')
export class LegalController {
  @Get('terms')
  async terms() {
    return { text: readFileSync('./legal/terms.md', 'utf8') };
  }
}
