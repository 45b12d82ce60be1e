const { Ticket, Seat } = require('./models');
const knex = require('knex')({ client: 'mysql2' });
const mongoose = require('mongoose');
const Invite = mongoose.model('Invite');

async function claimTicket(ticketId, userId) {
  const ticket = await Ticket.findByPk(ticketId);
  if (ticket.status !== 'open') throw new Error('taken');
  await Ticket.update({ status: 'claimed', userId }, { where: { id: ticketId } }); // expect: race-check-then-act:9
}

async function reserveSeat(seatId, userId) {
  const seat = await knex('seats').where({ id: seatId }).first();
  if (seat.available) {
    await knex('seats').where({ id: seatId }).update({ available: false, user_id: userId }); // expect: race-check-then-act:11
  }
}

async function acceptInvite(inviteId, userId) {
  const invite = await Invite.findById(inviteId);
  if (invite.used) throw new Error('used');
  await Invite.findByIdAndUpdate(inviteId, { used: true, userId }); // expect: race-check-then-act:9
}

module.exports = { claimTicket, reserveSeat, acceptInvite, Seat };
