// expect: none
// TypeORM 0.2's shorthand: an object of columns given to find() is the WHERE itself.
import { Controller, Get, Param } from '@nestjs/common';
import { getRepository } from 'typeorm';
import { Follow } from './follow.entity';

@Controller('profiles')
export class FollowsController {
  @Get(':id/followers')
  async followers(@Param('id') id: string): Promise<Follow[]> {
    const repository = getRepository(Follow);
    return repository.find({ followerId: Number(id) });
  }

  @Get(':id/following')
  async following(@Param('id') id: string): Promise<Follow[]> {
    const followingId = Number(id);
    return getRepository(Follow).find({ followingId, relations: ['following'] } as never);
  }
}
