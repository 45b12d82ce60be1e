const express = require('express');
const router = express.Router();

router.post('/orders/:id/refund', async (req, res) => {
  const order = await req.db.orders.findById(req.params.id);
  if (order) {
    if (order.customerId === req.user.id) {
      if (order.payments.length > 0) {
        for (const payment of order.payments) {
          if (payment.refundable) { // expect: deep-nesting:11
            await req.payments.refund(payment.id);
          }
        }
        res.json({ refunded: true });
      } else {
        res.status(409).json({ error: 'nothing to refund' });
      }
    } else {
      res.status(403).end();
    }
  } else {
    res.status(404).end();
  }
});

module.exports = router;
