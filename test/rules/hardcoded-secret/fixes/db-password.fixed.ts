// fix: Read from environment (process.env.DB_PASSWORD)
import mysql from 'mysql2/promise';

export const pool = mysql.createPool({
  host: 'db.internal',
  user: 'shop',
  password: process.env.DB_PASSWORD,
  database: 'shop',
});
