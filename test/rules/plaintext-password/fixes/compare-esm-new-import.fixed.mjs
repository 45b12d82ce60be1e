// fix: Use bcrypt.compare
import { db } from './db.mjs';
import bcrypt from 'bcrypt';

export async function login(email, password) {
  const [rows] = await db.execute('SELECT * FROM users WHERE email = ?', [email]);
  const existingUser = rows[0];
  if (!existingUser || !(await bcrypt.compare(password, existingUser.password))) throw new Error('Invalid credentials');
  return existingUser;
}
