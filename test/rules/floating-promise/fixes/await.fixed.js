// fix: Await the promise
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function closeAccount(userId) {
  await prisma.session.deleteMany({ where: { userId } });
  await prisma.user.update({ where: { id: userId }, data: { closedAt: new Date() } });
  return { closed: true };
}

module.exports = { closeAccount };
