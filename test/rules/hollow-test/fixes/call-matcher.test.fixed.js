// fix: Call .toBeDefined()
const { totalOf } = require('../src/orders');

it('returns a total', () => {
  expect(totalOf([])).toBeDefined();
});
