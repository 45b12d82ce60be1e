// expect: none
// Not a test file: a module of the app that happens to name things `it` and `expect`.
const it = (label, fn) => ({ label, run: fn });
function expect(value) {
  return { value };
}

const steps = [it('first', () => {}), it('second', () => {})];
expect(true);

module.exports = { steps, expect };
