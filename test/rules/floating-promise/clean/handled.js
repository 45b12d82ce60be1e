// expect: none
const express = require('express');
const { PrismaClient } = require('@prisma/client');
const nodemailer = require('nodemailer');
const mysql = require('mysql');

const prisma = new PrismaClient();
const transporter = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });
const legacy = mysql.createConnection({ host: 'localhost' });
const app = express();

async function recordAudit(userId, action) {
  await prisma.auditLog.create({ data: { userId, action } });
}

app.post('/signup', async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email } });
  await recordAudit(user.id, 'signup');
  void recordAudit(user.id, 'welcome-sent');
  recordAudit(user.id, 'metrics').catch((err) => req.log.warn({ err }, 'audit failed'));
  transporter.sendMail({ to: user.email, subject: 'Welcome' }, (err) => {
    if (err) console.error('welcome mail failed', err);
  });
  const pending = prisma.session.create({ data: { userId: user.id } });
  await Promise.all([pending, prisma.user.count()]);
  res.status(201).json(user);
});

app.get('/users/:id', (req, res, next) => {
  prisma.user
    .findUnique({ where: { id: req.params.id } })
    .then((user) => res.json(user))
    .catch(next);
  prisma.user.count().then(
    (n) => res.set('x-total', String(n)),
    (err) => console.error(err),
  );
});

app.get('/legacy', (req, res) => {
  legacy.query('SELECT * FROM users', (err, rows) => res.json(rows));
  legacy.query('UPDATE stats SET hits = hits + 1');
});

function loadUser(id) {
  return prisma.user.findUnique({ where: { id } });
}

const removeUser = (id) => prisma.user.delete({ where: { id } });

process.on('SIGTERM', async () => {
  await prisma.$disconnect();
});

async function main() {
  await prisma.$connect();
  app.listen(3000);
}

main();

module.exports = { loadUser, removeUser };
