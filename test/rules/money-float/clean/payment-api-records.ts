// expect: none
// Amounts read from records a payment API returned are integers in the currency's minor unit (Stripe's
// `amount`), whatever the loop variable is called: integer addition is exact.
import { createStripeClient } from '../lib/stripe';

const stripe = createStripeClient({ secretKey: process.env.STRIPE_SECRET_KEY! });

type Group = { customerId: string; amount: number; itemCount: number };

export async function pendingProrations() {
  const groups = new Map<string, Group>();
  for await (const item of stripe.invoiceItems.list({ pending: true, limit: 100 })) {
    const group = groups.get(item.customer) ?? { customerId: item.customer, amount: 0, itemCount: 0 };
    group.amount += item.amount;
    group.itemCount += 1;
    groups.set(item.customer, group);
  }
  return groups;
}

export async function settled(ids: string[]) {
  let amount = 0;
  for (const id of ids) {
    const entry = await stripe.balanceTransactions.retrieve(id);
    amount += entry.amount;
  }
  return amount;
}
