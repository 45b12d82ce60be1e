// expect: none
import { Controller, Get, Param } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Status } from './status.entity';
import { Public } from '../auth/public.decorator';

// Public: let past the global guard, so no user is signed in whose records could be another's.
@Public()
@Controller('status')
export class HealthController {
  constructor(@InjectRepository(Status) private readonly statusRepository: Repository<Status>) {}

  @Get(':id')
  async show(@Param('id') id: string) {
    return this.statusRepository.findOneBy({ id });
  }
}
