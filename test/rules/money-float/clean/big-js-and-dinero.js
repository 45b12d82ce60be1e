// expect: none
const Big = require('big.js');

function lineTotal(price, quantity) {
  return new Big(price).times(quantity).round(2).toString();
}

function applyFee(amount, feeRate) {
  return new Big(amount).times(feeRate).plus(amount).toFixed(2);
}

module.exports = { lineTotal, applyFee };
