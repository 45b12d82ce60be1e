const express = require('express');
const { PrismaClient } = require('@prisma/client');
const nodemailer = require('nodemailer');
const Stripe = require('stripe');

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const transporter = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });
const app = express();
app.use(express.json());

async function recordAudit(userId, action) {
  await prisma.auditLog.create({ data: { userId, action } });
}

app.post('/signup', async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email, name: req.body.name } });
  recordAudit(user.id, 'signup'); // expect: floating-promise:3
  transporter.sendMail({ to: user.email, subject: 'Welcome', text: 'Thanks for joining' }); // expect: floating-promise:3
  res.status(201).json(user);
});

app.post('/orders/:id/refund', async (req, res) => {
  const order = await prisma.order.findUnique({ where: { id: req.params.id } });
  stripe.refunds.create({ payment_intent: order.paymentIntentId }); // expect: floating-promise:3
  prisma.order.update({ where: { id: order.id }, data: { status: 'refunded' } }); // expect: floating-promise:3
  res.json({ refunded: true });
});

app.delete('/sessions/:id', (req, res) => {
  prisma.session.delete({ where: { id: req.params.id } }).then(() => console.log('session removed')); // expect: floating-promise:3
  res.sendStatus(204);
});

function notifyWebhook(url, payload) {
  fetch(url, { method: 'POST', body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }); // expect: floating-promise:3
}

module.exports = { app, notifyWebhook };
