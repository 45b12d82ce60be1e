import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';

const header = "const jwt = require('jsonwebtoken');\n";
const sign = 'jwt.sign({ sub: 1 }, k);';

function count(text: string): number {
  return analyze({ text: header + text, fileName: 'a.js' }).findings.filter((f) => f.ruleId === 'jwt-missing-expiry').length;
}

describe('suppression comments', () => {
  it('vigil-ignore-next-line with the rule id and a reason', () => {
    assert.equal(count(`// vigil-ignore-next-line jwt-missing-expiry -- refresh tokens are revoked server-side\n${sign}\n`), 0);
  });
  it('vigil-ignore-line at the end of the line', () => {
    assert.equal(count(`${sign} // vigil-ignore-line jwt-missing-expiry\n`), 0);
  });
  it('vigil-ignore-file as a block comment', () => {
    assert.equal(count(`/* vigil-ignore-file jwt-missing-expiry */\n${sign}\n${sign}\n`), 0);
  });
  it('without an id, covers every rule', () => {
    assert.equal(count(`// vigil-ignore-next-line\n${sign}\n`), 0);
  });
  it('a list of ids', () => {
    assert.equal(count(`// vigil-ignore-next-line sql-injection, jwt-missing-expiry\n${sign}\n`), 0);
  });
  it('does not cover other rules, other lines, or a reason that names the rule', () => {
    assert.equal(count(`// vigil-ignore-next-line sql-injection\n${sign}\n`), 1);
    assert.equal(count(`// vigil-ignore-next-line jwt-missing-expiry\n\n${sign}\n`), 1);
    assert.equal(count(`// vigil-ignore-next-line sql-injection -- not jwt-missing-expiry\n${sign}\n`), 1);
  });
});
