import * as argon2 from 'argon2';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function isAdmin(userId: string): Promise<boolean> {
  const roles = await prisma.role.findMany({ where: { userId } });
  return roles.some((r) => r.name === 'admin');
}

async function fetchProfile(id: string) {
  const response = await fetch(`https://profiles.example.com/${id}`);
  return response.json();
}

export async function verifyLogin(email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) return null;
  const valid = argon2.verify(user.passwordHash, password);
  return valid ? user : null; // expect: missing-await:10
}

export async function describeUser(id: string) {
  if (isAdmin(id) === true) return 'administrator'; // expect: missing-await:7
  return `user ${fetchProfile(id)}`; // expect: missing-await:18
}

export async function changePassword(id: string, password: string) {
  const passwordHash = argon2.hash(password);
  await prisma.user.update({ where: { id }, data: { passwordHash } }); // expect: missing-await:53
}

export async function loadSettings(id: string) {
  const user = prisma.user.findUnique({ where: { id } });
  return { ...user, theme: 'dark' }; // expect: missing-await:12
}
