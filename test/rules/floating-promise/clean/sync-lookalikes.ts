// expect: none
import Stripe from 'stripe';
import { readFileSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
const events = new EventEmitter();

interface Item {
  id: string;
  qty: number;
}

function save(items: Item[]): void {
  writeFileSync('cart.json', JSON.stringify(items));
}

class Cart {
  private items: Item[] = [];

  add(item: Item): void {
    this.items.push(item);
    this.persist();
    save(this.items);
  }

  private persist(): void {
    writeFileSync('cart.json', JSON.stringify(this.items));
  }

  find(id: string): Item | undefined {
    return this.items.find((i) => i.id === id);
  }
}

export function handleWebhook(body: string, signature: string): void {
  const event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET ?? '');
  events.emit(event.type, event.data.object);
  events.on('payment_intent.succeeded', async (intent: { id: string }) => {
    await stripe.paymentIntents.retrieve(intent.id);
  });
  readFileSync('webhook.log', 'utf8');
}

export async function refund(paymentIntent: string): Promise<Stripe.Refund> {
  return stripe.refunds.create({ payment_intent: paymentIntent });
}

export { Cart };
