import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function getUserData(id: string) {
  return prisma.user.findUnique({ where: { id } });
}

export async function fetch_user_info(id: string) { // expect: inconsistent-naming:23
  const userRecord = await getUserData(id);
  return userRecord && { name: userRecord.name };
}

export async function loadUserData(ids: string[]) {
  return Promise.all(ids.map((id) => getUserData(id)));
}

@Injectable()
export class AccountService {
  async findAccount(id: string) {
    return prisma.account.findUnique({ where: { id } });
  }

  async closeAccount(id: string) {
    return prisma.account.update({ where: { id }, data: { closedAt: new Date() } });
  }

  async GetBalance(id: string) { // expect: inconsistent-naming:9
    const account = await this.findAccount(id);
    return account?.balance ?? 0;
  }
}
