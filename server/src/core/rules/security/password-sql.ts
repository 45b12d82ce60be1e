/**
 * Where a raw SQL string puts a password column next to a bound parameter: `WHERE email = $1 AND password = $2`
 * (a lookup by password), `SET password = ?` and `INSERT INTO users (email, password) VALUES ($1, $2)` (writes).
 * Parameters are `$n` (pg) or `?` (mysql2, sqlite, knex.raw), counted in order.
 */
import { passwordNameKind } from '../../facts/password-names';

export interface PasswordParameter {
  column: string;
  /** 0-based index into the parameter list. */
  index: number;
  use: 'lookup' | 'write';
}

const comparison = /([A-Za-z_][\w]*)["`\]]?\s*=\s*(\$(\d+)|\?)/g;
const insert = /\binsert\s+(?:or\s+\w+\s+)?into\s+[\w."`[\]]+\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)/i;

function parameterIndex(sql: string, at: number, number: string | undefined): number {
  if (number !== undefined) return Number(number) - 1;
  let count = 0;
  for (let i = sql.indexOf('?'); i !== -1 && i < at; i = sql.indexOf('?', i + 1)) count++;
  return count;
}

export function passwordParameters(sql: string): PasswordParameter[] {
  if (!/pass|pwd/i.test(sql)) return [];
  const out: PasswordParameter[] = [];
  const where = sql.search(/\bwhere\b/i);
  const set = sql.search(/\bset\b/i);
  for (const m of sql.matchAll(comparison)) {
    if (passwordNameKind(m[1]) === undefined) continue;
    const at = m.index + m[0].length - m[2].length;
    const inWhere = where !== -1 && m.index > where;
    const inSet = set !== -1 && m.index > set && (where === -1 || m.index < where);
    if (!inWhere && !inSet) continue;
    out.push({ column: m[1], index: parameterIndex(sql, at, m[3]), use: inWhere ? 'lookup' : 'write' });
  }
  const ins = insert.exec(sql);
  if (ins) {
    const columns = ins[1].split(',').map((c) => c.trim().replace(/["`[\]]/g, ''));
    const values = ins[2].split(',').map((v) => v.trim());
    const valuesAt = ins.index + ins[0].lastIndexOf(ins[2]);
    columns.forEach((column, i) => {
      const value = values[i];
      if (value === undefined || passwordNameKind(column) === undefined) return;
      const numbered = /^\$(\d+)$/.exec(value);
      if (numbered) out.push({ column, index: Number(numbered[1]) - 1, use: 'write' });
      else if (value === '?') {
        const before = values.slice(0, i).filter((v) => v === '?').length;
        out.push({ column, index: parameterIndex(sql, valuesAt, undefined) + before, use: 'write' });
      }
    });
  }
  return out;
}
