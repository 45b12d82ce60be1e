/**
 * Values that belong to a payment API: a client of a payment library (`new Stripe(key)`), or a name that is one
 * when the client is made in another file (`const stripe = createStripeClient(…)`, a `stripe` parameter). Rules
 * that treat a charge as critical, or read amounts as the API's integer minor units, ask this.
 */
import * as ts from 'typescript';
import type { Facts } from './facts';
import { isKind, libraryKinds } from '../catalog';
import { rootIdentifier } from './database-writes';

/** The payment libraries' names as a variable spells them: `stripe`, `adyen`. */
const paymentNames = new Set(
  Object.keys(libraryKinds)
    .filter((id) => isKind(id as keyof typeof libraryKinds, 'payment'))
    .map((id) => id.replace(/^@/, '').split(/[/-]/)[0].toLowerCase()),
);

/** Whether `expr` (a receiver or a call chain: `stripe.invoiceItems.list(…)`) is rooted at a payment API client. */
export function isPaymentApiValue(expr: ts.Expression, facts: Facts): boolean {
  if (isKind(facts.libraryOf(expr)?.library, 'payment')) return true;
  const root = rootIdentifier(expr);
  return root !== undefined && paymentNames.has(root.toLowerCase());
}
