// expect: none
// Short look-alike blocks (a lookup, a guard, a reply) are an idiom: too small to be worth a function.
async function showUser(req, res) {
  const user = await req.db.users.findById(req.params.id);
  if (!user) return res.status(404).end();
  res.json(user);
}

async function showOrder(req, res) {
  const order = await req.db.orders.findById(req.params.id);
  if (!order) return res.status(404).end();
  res.json(order);
}

module.exports = { showUser, showOrder };
