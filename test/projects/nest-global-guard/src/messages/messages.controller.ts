import { Controller, Delete, Get, Param, Req } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Message } from './message.entity';

// Every route here is behind the JwtAuthGuard main.ts applies app-wide: a signed-in user picks the id.
@Controller('messages')
export class MessagesController {
  constructor(@InjectRepository(Message) private readonly messageRepository: Repository<Message>) {}

  @Delete(':id')
  async remove(@Param('id') id: string) {
    await this.messageRepository.delete({ id }); // expect: missing-authorization:11
  }

  @Get(':id')
  async findMine(@Param('id') id: string, @Req() req: { user: { id: string } }) {
    return this.messageRepository.findOne({ where: { id, author: { id: req.user.id } } });
  }
}
