// fix: Return early with guard clauses
async function shipOrders(orders, carrier) {
  const shipped = [];
  for (const order of orders) {
    if (order.status === 'paid') {
      if (!order.onHold) {
        // Only orders with an address can be labelled.
        if (order.address) {
          for (const item of order.items) {
            if (item.quantity > 0) {
              shipped.push(await carrier.label(order.id, item.sku));
            }
          }
        }
      }
    }
  }
  return shipped;
}

module.exports = { shipOrders };
