// expect: none
import { SignJWT } from 'jose';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

export async function issue(userId: string, key: Uint8Array): Promise<string> {
  return new SignJWT({ sub: userId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(key);
}

@Injectable()
export class AuthService {
  constructor(private readonly jwtService: JwtService) {}

  // JwtModule.register({ signOptions: { expiresIn } }) sets the expiry for the whole module.
  login(userId: string): string {
    return this.jwtService.sign({ sub: userId });
  }
}
