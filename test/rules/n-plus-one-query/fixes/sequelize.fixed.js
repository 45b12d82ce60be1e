// fix: Batch these queries
const { Sequelize } = require('sequelize');
const { Order, Customer } = require('./models');
const { Op } = require('sequelize');

async function invoices(orders) {
  const out = [];
  const customerRows = await Customer.findAll({ where: { id: { [Op.in]: orders.map((order) => order.customerId) } } });
  const customerById = new Map(customerRows.map((row) => [row.id, row]));
  for (const order of orders) {
    const customer = customerById.get(order.customerId);
    out.push({ order, customer });
  }
  return out;
}

module.exports = { invoices };
