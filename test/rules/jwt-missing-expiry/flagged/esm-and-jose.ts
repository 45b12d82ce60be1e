import { sign } from 'jsonwebtoken';
import * as jsonwebtoken from 'jsonwebtoken';
import { SignJWT } from 'jose';

export function issue(userId: string, secret: string): string {
  return sign({ userId }, secret); // expect: jwt-missing-expiry:10
}

export function issueNamespaced(userId: string, secret: string): string {
  return jsonwebtoken.sign({ userId }, secret, { // expect: jwt-missing-expiry:10
    algorithm: 'HS256',
  });
}

export async function issueJose(userId: string, key: Uint8Array): Promise<string> {
  return new SignJWT({ sub: userId }) // expect: jwt-missing-expiry:14
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .sign(key);
}
