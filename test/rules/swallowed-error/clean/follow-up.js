// expect: none
// Failures that are not swallowed: a follow-up (a receipt mail, a metrics update) logged after the handler's own
// write was stored, and an empty catch whose failure path reports the failure just after it.
const express = require('express');
const fs = require('node:fs');
const path = require('node:path');
const Order = require('../models/Order');
const Heartbeat = require('../models/Heartbeat');
const mailer = require('../mailer');
const metrics = require('../metrics');

const router = express.Router();

router.put('/orders/:id/pay', async (req, res) => {
  const order = await Order.findById(req.params.id);
  order.isPaid = true;
  const paid = await order.save();
  try {
    mailer.send({ to: order.email, subject: `Order ${order.id} paid` });
  } catch (err) {
    console.log(err);
  }
  res.send({ message: 'Order paid', order: paid });
});

router.post('/push/:token', async (req, res) => {
  const beat = await Heartbeat.create({ token: req.params.token, status: 'up' });
  try {
    metrics.update(beat);
  } catch (e) {
    console.error('metrics update failed', e);
  }
  res.json({ ok: true });
});

function pushExamples(socket, dir) {
  socket.on('getPushExample', async (language, callback) => {
    try {
      const files = await fs.promises.readdir(path.join(dir, language));
      for (const file of files) {
        if (file.startsWith('index.')) {
          callback({ ok: true, code: await fs.promises.readFile(path.join(dir, language, file), 'utf8') });
          return;
        }
      }
    } catch (e) {}
    callback({ ok: false, msg: 'Not found' });
  });
}

router.get('/reports/:name', async (req, res) => {
  try {
    return res.json(JSON.parse(await fs.promises.readFile(path.join('reports', path.basename(req.params.name)), 'utf8')));
  } catch {}
  return res.status(404).json({ message: 'No such report' });
});

module.exports = { router, pushExamples };
