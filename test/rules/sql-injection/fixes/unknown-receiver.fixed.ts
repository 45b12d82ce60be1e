// fix: Parameterize query ($1 placeholders)
import { db } from './db';

export async function findUser(req: { body: { email: string } }) {
  return db.query(`SELECT * FROM users WHERE email = $1`, [req.body.email]);
}
