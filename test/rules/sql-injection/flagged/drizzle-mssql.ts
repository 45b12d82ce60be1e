import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import mssql from 'mssql';

const db = drizzle(process.env.DATABASE_URL!);

export async function byCity(city: string) {
  return db.execute(sql.raw(`SELECT * FROM stores WHERE city = '${city}'`)); // expect: sql-injection:29
}

export async function legacyOrders(customerId: string) {
  const pool = await mssql.connect(process.env.MSSQL_URL!);
  return pool.request().query(`SELECT * FROM Orders WHERE CustomerId = '${customerId}'`); // expect: sql-injection:31
}
