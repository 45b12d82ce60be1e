// expect: none
const { expect } = require('chai');
const should = require('chai').should();
const { login, verify } = require('../lib/auth');

describe('auth', function () {
  it('logs in', function (done) {
    login('ada', 'secret').then((session) => {
      expect(session.user).to.equal('ada');
      done();
    }).catch(done);
  });

  it('accepts a valid token', function () {
    expect(verify('token')).to.be.true;
    expect(verify('other')).to.not.be.ok;
    verify('token').should.equal(true);
  });

  it('rejects a bad password', async function () {
    await expect(login('ada', 'wrong')).to.eventually.be.rejectedWith('invalid');
  });

  it('rejects a bad password (returned)', function () {
    return expect(login('ada', 'wrong')).to.be.rejected;
  });

  it('logs in with a callback', function (done) {
    login('ada', 'secret', (err, session) => {
      if (err) return done(err);
      try {
        expect(session.user).to.equal('ada');
        done();
      } catch (e) {
        done(e);
      }
    });
  });

  it('calls back when the session ends', function (done) {
    const session = login('ada', 'secret');
    session.on('end', done);
    session.end();
  });

  it('dispatches to the next handler', function (done) {
    verify('token', { next: done });
  });

  it('does not throw on an empty token', function () {
    verify('');
  });

  it('has a verify function', function () {
    should.exist(verify);
  });
});
