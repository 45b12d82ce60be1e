/**
 * Payment APIs (Stripe, Adyen): the calls that move money, what a retry of one without an idempotency key does,
 * and where their SDKs read the key; and the names under which a project exports a client of a remote API that
 * it builds in a module of its own.
 */
import type { LibraryId } from './types';

/** Stripe: `stripe.<resource>.create(params, options)`, the key in `options`. */
export interface StripeCatalog {
  id: LibraryId;
  /** Resources whose `create` moves money, with what a retry without a key does. */
  moneyResources: Readonly<Record<string, string>>;
  /** A resource created unconfirmed unless `option: true` is passed; confirming is what moves the money. */
  confirmation: { resource: string; option: string; unconfirmedEffect: string };
  /** A project module that wraps the client (`@/lib/stripe`, `./stripe.server`). */
  wrapperModule: RegExp;
  /** A name that holds a client (`stripe`, `stripeClient`), when nothing says where it comes from. */
  clientName: RegExp;
}

export const stripe: StripeCatalog = {
  id: 'stripe',
  moneyResources: {
    paymentIntents: 'charges the customer twice',
    charges: 'charges the customer twice',
    refunds: 'refunds twice',
    transfers: 'transfers the money twice',
    payouts: 'pays out twice',
    subscriptions: 'starts a second subscription',
  },
  confirmation: {
    resource: 'paymentIntents',
    option: 'confirm',
    unconfirmedEffect: 'creates a second PaymentIntent for the same payment, and a client that confirms both charges the customer twice',
  },
  wrapperModule: /(^|[/@.-])stripe([/.-]|$)/i,
  clientName: /stripe/i,
};

/** Adyen Checkout: `checkout.<method>(request, options)`, the options being `IRequest.Options`. */
export interface AdyenCatalog {
  id: LibraryId;
  /** Methods that move money, with what a retry without a key does. */
  moneyMethods: Readonly<Record<string, string>>;
}

export const adyen: AdyenCatalog = {
  id: '@adyen/api-library',
  moneyMethods: {
    payments: 'charges the shopper twice',
    refundCapturedPayment: 'refunds twice',
    captureAuthorisedPayment: 'captures twice',
  },
};

/** The option names the payment SDKs read a key from: stripe-node also still accepts the snake_case form. */
export const idempotencyKeyOptions: readonly string[] = ['idempotencyKey', 'idempotency_key'];

/**
 * Names a project exports a client of a remote API under (`import { stripe } from '@/lib/stripe'`): payments,
 * mail, messaging, AI, code hosting, storage. A call through one reaches that API, never the project's database.
 */
export const remoteApiClientNames = /^(stripe|paypal|braintree|mux|openai|anthropic|resend|sendgrid|twilio|octokit|slack|s3)$/i;
