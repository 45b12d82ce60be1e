// expect: none
const { Pool } = require('pg');
const { PrismaClient } = require('@prisma/client');
const { Ticket, sequelize } = require('./models');
const mongoose = require('mongoose');
const Invite = mongoose.model('Invite');

const pool = new Pool();
const prisma = new PrismaClient();

// Locked in a transaction.
async function withdraw(accountId, amount) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT balance FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
    if (rows[0].balance < amount) throw new Error('Insufficient funds');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, accountId]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

// A conditional update: the check is repeated by the database, and the row count says who won.
async function shipOrder(orderId) {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (order.status !== 'pending') throw new Error('Order is not pending');
  const { count } = await prisma.order.updateMany({ where: { id: orderId, status: 'pending' }, data: { status: 'shipped' } });
  if (count === 0) throw new Error('Order is not pending');
}

async function debit(accountId, amount) {
  const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1', [accountId]);
  if (rows[0].balance < amount) throw new Error('Insufficient funds');
  const { rowCount } = await pool.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND balance >= $1', [amount, accountId]);
  if (rowCount === 0) throw new Error('Insufficient funds');
}

// Sequelize with a row lock, in a transaction.
async function claimTicket(ticketId, userId) {
  await sequelize.transaction(async (t) => {
    const ticket = await Ticket.findByPk(ticketId, { lock: t.LOCK.UPDATE, transaction: t });
    if (ticket.status !== 'open') throw new Error('taken');
    await ticket.update({ status: 'claimed', userId }, { transaction: t });
  });
}

// Atomic on the document itself.
async function acceptInvite(inviteId, userId) {
  const invite = await Invite.findById(inviteId);
  if (!invite) throw new Error('not found');
  const updated = await Invite.findOneAndUpdate({ _id: inviteId, used: false }, { used: true, userId });
  if (!updated) throw new Error('used');
}

// The check is on a row that is not written.
async function addComment(postId, userId, body) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (user.status === 'banned') throw new Error('banned');
  await prisma.comment.create({ data: { postId, userId, body } });
}

// An optimistic version column.
async function rename(docId, title) {
  const doc = await prisma.document.findUnique({ where: { id: docId } });
  if (doc.status === 'archived') throw new Error('archived');
  await prisma.document.updateMany({ where: { id: docId, version: doc.version }, data: { title, version: { increment: 1 } } });
}

module.exports = { withdraw, shipOrder, debit, claimTicket, acceptInvite, addComment, rename };
