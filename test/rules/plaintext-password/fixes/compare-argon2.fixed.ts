// fix: Use argon2.verify
import * as argon2 from 'argon2';
import { Injectable } from '@nestjs/common';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  constructor(private readonly users: UsersService) {}

  async register(email: string, password: string) {
    return this.users.create(email, await argon2.hash(password));
  }

  async validate(email: string, password: string) {
    const user = await this.users.findByEmail(email);
    return user !== null && await argon2.verify(user.password, password);
  }
}
