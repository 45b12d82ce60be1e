// fix: Use bcrypt.compare
import { db } from './db.mjs';

export async function login(email, password) {
  const [rows] = await db.execute('SELECT * FROM users WHERE email = ?', [email]);
  const existingUser = rows[0];
  if (!existingUser || existingUser.password !== password) throw new Error('Invalid credentials');
  return existingUser;
}
