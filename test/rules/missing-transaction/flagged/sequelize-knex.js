const { Sequelize } = require('sequelize');
const knex = require('knex')({ client: 'pg' });
const { Order, OrderItem, Product } = require('./models');

async function createOrder(userId, items) {
  const order = await Order.create({ userId, status: 'new' }); // expect: missing-transaction:23
  await OrderItem.bulkCreate(items.map((i) => ({ ...i, orderId: order.id })));
  await Product.decrement('stock', { by: items.length, where: { id: items.map((i) => i.productId) } });
  return order;
}

async function moveSeat(bookingId, fromSeat, toSeat) {
  await knex('seats').where({ id: fromSeat }).update({ booking_id: null }); // expect: missing-transaction:9
  await knex('seats').where({ id: toSeat }).update({ booking_id: bookingId });
}

module.exports = { createOrder, moveSeat };
