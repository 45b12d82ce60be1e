const { expect } = require('chai');
const { login, verify } = require('../lib/auth');

describe('auth', function () {
  it('logs in', function (done) {
    login('ada', 'secret').then((session) => {
      expect(session.user).to.equal('ada');
    });
    done(); // expect: hollow-test:5
  });

  it('accepts a valid token', function () {
    expect(verify('token')).to.be; // expect: hollow-test:5
    expect(true).to.be.true; // expect: hollow-test:5
  });

  it('rejects a bad password', function () {
    expect(login('ada', 'wrong')).to.eventually.be.rejectedWith('invalid'); // expect: hollow-test:5
  });

  describe.only('tokens', function () { // expect: hollow-test:12
    it('expires', function () {
      expect(verify('expired')).to.equal(false);
    });
  });

  fit('refreshes', function () { // expect: hollow-test:3
    expect(verify('fresh')).to.equal(true);
  });
});
