import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

interface Product { name: string; price: number }

export async function checkout(product: Product, quantity: number, customerId: string) {
  const total = product.price * quantity;
  return stripe.paymentIntents.create({
    amount: total * 100, // expect: money-float:13
    currency: 'usd',
    customer: customerId,
  });
}

export function parsePrice(text: string): number {
  return parseFloat(text.replace('$', '').replace(/,/g, '')); // expect: money-float:10
}

export function toCents(price: number): number {
  const priceInCents = price * 100; // expect: money-float:24
  return priceInCents;
}

export class Wallet {
  balance = 0;

  deposit(amount: number) {
    this.balance += amount; // expect: money-float:5
  }

  withdraw(amount: number, withdrawalFee: number) {
    this.balance = this.balance - amount - withdrawalFee; // expect: money-float:20
  }
}
