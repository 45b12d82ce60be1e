// fix: Wrap in transaction
const knex = require('knex')({ client: 'pg' });

async function moveSeat(bookingId, fromSeat, toSeat) {
  await knex.transaction(async (trx) => {
    await trx('seats').where({ id: fromSeat }).update({ booking_id: null });
    await trx('seats').where({ id: toSeat }).update({ booking_id: bookingId });
  });
}

module.exports = { moveSeat };
