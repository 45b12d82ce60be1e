// expect: none
import { Controller, Post, Body } from '@nestjs/common';
import { readFile } from 'fs/promises';
import * as bcrypt from 'bcrypt';
import { promisify } from 'util';
import { scrypt } from 'crypto';

const scryptAsync = promisify(scrypt);

@Controller('auth')
export class AuthController {
  @Post('register')
  async register(@Body() dto: { email: string; password: string }) {
    const hash = await bcrypt.hash(dto.password, 12);
    const key = await scryptAsync(dto.password, 'salt', 32);
    const terms = await readFile('./terms.txt', 'utf8');
    return { hash, key, terms };
  }
}

// A library's own `hashSync` is not bcrypt's.
const hasher = { hashSync: (s: string) => s.length };
export function handler(req: { body: string }, res: { send(n: number): void }) {
  res.send(hasher.hashSync(req.body));
}
