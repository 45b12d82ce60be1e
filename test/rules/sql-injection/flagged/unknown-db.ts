import { Request, Response } from 'express';
import { db } from './db';

export async function findUser(req: Request, res: Response) {
  const user = await db.query(`SELECT * FROM users WHERE email = '${req.body.email}'`); // expect: sql-injection:31
  res.json(user.rows[0]);
}

export async function updateBio(req: Request, res: Response) {
  await database.execute(`UPDATE users SET bio = '${req.body.bio}' WHERE id = ${req.params.id}`); // expect: sql-injection:26
  res.sendStatus(204);
}

export async function byStatus(status: string) {
  return db.query(`select id, total from orders where status = '${status}'`); // expect: sql-injection:19
}
