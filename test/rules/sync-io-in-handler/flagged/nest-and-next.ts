import { Controller, Get, Param } from '@nestjs/common';
import * as crypto from 'crypto';
import { readFileSync } from 'node:fs';

@Controller('reports')
export class ReportsController {
  @Get(':id')
  async show(@Param('id') id: string) {
    const raw = readFileSync(`/data/reports/${id}.json`, 'utf8'); // expect: sync-io-in-handler:17
    return { report: JSON.parse(raw), digest: this.sign(raw) };
  }

  private sign(text: string) {
    return crypto.pbkdf2Sync(text, process.env.SALT!, 100000, 32, 'sha256').toString('hex'); // expect: sync-io-in-handler:12
  }
}
