import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PrismaService } from '../prisma/prisma.service';
import { User } from './user.entity';
import { LoginDto, RegisterDto } from './dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly prisma: PrismaService,
    @InjectRepository(User) private readonly usersRepository: Repository<User>,
  ) {}

  async validateUser(email: string, password: string) {
    const user = await this.prisma.user.findUnique({ where: { email } });
    if (user && user.password === password) { // expect: plaintext-password:17
      const { password: _omit, ...rest } = user;
      return rest;
    }
    return null;
  }

  async login(dto: LoginDto) {
    const user = await this.usersRepository.findOne({ where: { email: dto.email, password: dto.password } }); // expect: plaintext-password:82
    if (!user) throw new UnauthorizedException();
    return user;
  }

  async register(dto: RegisterDto) {
    return this.prisma.user.create({
      data: {
        email: dto.email,
        password: dto.password, // expect: plaintext-password:9
      },
    });
  }

  async changePassword(userId: number, newPassword: string) {
    await this.prisma.user.update({ where: { id: userId }, data: { password: newPassword } }); // expect: plaintext-password:68
  }
}
