// fix: Wrap in transaction
const { Order, OrderItem } = require('./models');

async function createOrder(userId, items) {
  const order = await Order.sequelize.transaction(async (t) => {
    const order = await Order.create({ userId, status: 'new' }, { transaction: t });
    await OrderItem.bulkCreate(items.map((i) => ({ ...i, orderId: order.id })), { transaction: t });
    await Order.update({ itemCount: items.length }, { where: { id: order.id }, transaction: t });
    return order;
  });
  return order;
}

module.exports = { createOrder };
