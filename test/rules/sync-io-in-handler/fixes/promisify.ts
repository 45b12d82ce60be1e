// fix: Use await promisify(crypto.scrypt)
import crypto from 'crypto';

export async function POST(request: Request) {
  const { password } = await request.json();
  const key = crypto.scryptSync(password, process.env.SALT!, 64);
  return Response.json({ key: key.toString('hex') });
}
