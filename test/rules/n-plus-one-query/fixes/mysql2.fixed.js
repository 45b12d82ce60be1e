// fix: Batch these queries
const mysql = require('mysql2/promise');

const db = mysql.createPool({ uri: process.env.MYSQL_URL });

async function withAuthors(posts) {
  const [authorRows] = await db.query('SELECT id, name FROM users WHERE id IN (?)', [posts.map((post) => post.author_id)]);
  const authorById = new Map(authorRows.map((row) => [row.id, row]));
  for (const post of posts) {
    const author = authorById.get(post.author_id);
    post.author = author;
  }
  return posts;
}

module.exports = { withAuthors };
