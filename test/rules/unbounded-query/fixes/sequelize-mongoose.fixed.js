// fix: Add a limit
const mongoose = require('mongoose');
const { Invoice } = require('./models');

const Message = mongoose.model('Message', new mongoose.Schema({ body: String }));

async function allInvoices(pageSize = 100) {
  return Invoice.findAll({ order: [['createdAt', 'DESC']], limit: pageSize });
}

async function allMessages(pageSize = 100) {
  return Message.find().limit(pageSize).sort({ createdAt: -1 }).lean();
}

module.exports = { allInvoices, allMessages };
