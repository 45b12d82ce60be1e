// expect: none
const Stripe = require('stripe');
const stripe = new Stripe(process.env.STRIPE_TEST_KEY);

describe('checkout', () => {
  it('charges a test card', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    expect(intent.status).toBe('succeeded');
  });
});
