// Amounts from the app's own rows carry no unit: summed in floating point they drift.
import { db } from '../db';

export async function invoiceTotal(invoiceId: string) {
  let total = { amount: 0 };
  for (const line of await db.invoiceLine.findMany({ where: { invoiceId } })) {
    total.amount += line.amount; // expect: money-float:5
  }
  return total;
}
