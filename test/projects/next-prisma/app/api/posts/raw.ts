// A raw query on the client lib/db.ts exports: the project says it is Prisma, whose tagged template is the fix.
import { db } from '@/lib/db';
export async function GET(req: Request) {
  const q = new URL(req.url).searchParams.get('q');
  const rows = await db.$queryRawUnsafe(`SELECT * FROM posts WHERE title = '${q}'`); // expect: sql-injection:41
  const n = await db.post.count({ where: { title: q } });
  return Response.json({ rows, n });
}
