import { Injectable } from '@nestjs/common';
import * as crypto from 'crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';
import { CreateUserDto } from './dto';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async create(dto: CreateUserDto) {
    const user = this.users.create({
      email: dto.email,
      password: crypto.createHash('sha256').update(dto.password).digest('hex'), // expect: weak-password-hash:17
    });
    return this.users.save(user);
  }

  async migrate(user: User) {
    user.passwordHash = crypto.hash('sha1', user.password); // expect: weak-password-hash:25
    return this.users.save(user);
  }
}
