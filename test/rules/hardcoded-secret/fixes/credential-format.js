// fix: Read from environment (process.env.STRIPE_SECRET_KEY)
const stripe = require('stripe')('sk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ');

module.exports = stripe;
