// fix: Return early with guard clauses
async function shipOrders(orders, carrier) {
  const shipped = [];
  for (const order of orders) {
    if (order.status !== 'paid') continue;
    if (order.onHold) continue;
    // Only orders with an address can be labelled.
    if (!order.address) continue;
    for (const item of order.items) {
      if (!(item.quantity > 0)) continue;
      shipped.push(await carrier.label(order.id, item.sku));
    }
  }
  return shipped;
}

module.exports = { shipOrders };
