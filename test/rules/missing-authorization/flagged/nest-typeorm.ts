import { Controller, Delete, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Message } from './message.entity';

@Controller('messages')
@UseGuards(AuthGuard('jwt'))
export class MessagesController {
  constructor(@InjectRepository(Message) private readonly messageRepository: Repository<Message>) {}

  @Delete(':id')
  async remove(@Param('id') id: string) {
    await this.messageRepository.delete({ id }); // expect: missing-authorization:11
  }
}
