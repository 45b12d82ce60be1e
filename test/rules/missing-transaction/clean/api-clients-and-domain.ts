// expect: none
// Calls that are no database writes: a payment API's objects, and domain factories that only build values.
import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { stripe } from '@/lib/stripe';
import { UserEmail } from '../domain/userEmail';
import { UserPassword } from '../domain/userPassword';
import { userRepo } from '../repos';

export async function POST(req: Request) {
  const { userId, email } = await req.json();
  let customer = await db.stripeCustomer.findUnique({ where: { userId } });
  if (!customer) {
    const created = await stripe.customers.create({ email });
    customer = await db.stripeCustomer.create({ data: { userId, stripeCustomerId: created.id } });
  }
  const session = await stripe.checkout.sessions.create({ customer: customer.stripeCustomerId, mode: 'payment' });
  return NextResponse.json({ url: session.url });
}

class Money {
  private constructor(readonly cents: number) {}
  static create(cents: number): Money {
    return new Money(cents);
  }
}

export async function register(raw: { email: string; password: string; balance: number }) {
  const email = UserEmail.create(raw.email);
  const password = UserPassword.create({ value: raw.password });
  const balance = Money.create(raw.balance);
  await userRepo.save({ email, password, balance });
}
