// fix: Batch these queries
const mysql = require('mysql2/promise');

const db = mysql.createPool({ uri: process.env.MYSQL_URL });

async function withAuthors(posts) {
  for (const post of posts) {
    const [[author]] = await db.execute('SELECT id, name FROM users WHERE id = ? LIMIT 1', [post.author_id]);
    post.author = author;
  }
  return posts;
}

module.exports = { withAuthors };
