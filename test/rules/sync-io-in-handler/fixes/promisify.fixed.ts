// fix: Use await promisify(crypto.scrypt)
import crypto from 'crypto';
import { promisify } from 'util';

export async function POST(request: Request) {
  const { password } = await request.json();
  const key = await promisify(crypto.scrypt)(password, process.env.SALT!, 64);
  return Response.json({ key: key.toString('hex') });
}
