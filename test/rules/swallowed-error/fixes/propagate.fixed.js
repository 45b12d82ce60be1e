// fix: Let the error propagate
const mongoose = require('mongoose');

const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));

async function ship(id) {
  await Order.updateOne({ _id: id }, { status: 'shipped' });
  return { shipped: true };
}

module.exports = { ship };
