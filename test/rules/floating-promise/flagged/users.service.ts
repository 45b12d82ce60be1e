import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { writeFile } from 'node:fs/promises';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async rename(id: string, name: string): Promise<User> {
    const user = await this.users.findOneByOrFail({ id });
    user.name = name;
    this.users.save(user); // expect: floating-promise:5
    this.invalidateCache(id); // expect: floating-promise:5
    return user;
  }

  async exportAll(path: string): Promise<void> {
    const all = await this.users.find();
    writeFile(path, JSON.stringify(all)); // expect: floating-promise:5
  }

  deactivate(id: string): void {
    this.users.update({ id }, { active: false }); // expect: floating-promise:5
    this.logger.log(`deactivated ${id}`);
  }

  private async invalidateCache(id: string): Promise<void> {
    await this.users.query('DELETE FROM user_cache WHERE user_id = $1', [id]);
  }
}
