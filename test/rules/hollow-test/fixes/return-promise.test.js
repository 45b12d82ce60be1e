// fix: Return the promise
const { cancelOrder } = require('../src/orders');

it('cancels', () => {
  cancelOrder('o1').then((order) => {
    expect(order.status).toBe('cancelled');
  });
});
