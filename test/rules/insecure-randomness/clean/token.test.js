// expect: none
const assert = require('node:assert');
const { verify } = require('../src/tokens');

describe('verify', () => {
  it('rejects a random token', () => {
    const token = Math.random().toString(36).slice(2);
    assert.equal(verify(token), false);
  });
});
