// fix: Batch these queries
const { Sequelize } = require('sequelize');
const { Order, Customer } = require('./models');

async function invoices(orders) {
  const out = [];
  for (const order of orders) {
    const customer = await Customer.findByPk(order.customerId);
    out.push({ order, customer });
  }
  return out;
}

module.exports = { invoices };
