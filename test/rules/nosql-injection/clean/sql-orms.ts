// expect: none
import { Body, Controller, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Request, Response } from 'express';
import { User } from './user.entity';

// TypeORM and Sequelize share method names with Mongo, but their `where` takes no operator objects from values.
@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private users: Repository<User>) {}

  @Post('lookup')
  lookup(@Body() body: { email: string }) {
    return this.users.findOne({ where: { email: body.email } });
  }
}

export async function list(req: Request, res: Response) {
  res.json(await (User as any).findAll({ where: { role: req.query.role } }));
}

// Array#find and Map lookups are not queries.
export function pick(req: Request) {
  return [{ id: 'a' }].find((x) => x.id === req.body.id);
}
