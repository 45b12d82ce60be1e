import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { syncIoInHandler } from '../../server/src/core/rules/performance/sync-io-in-handler';

const handler = `const fs = require('fs');
function serve(req, res) {
  res.end(fs.readFileSync(req.url.slice(1)));
}
module.exports = serve;
`;

describe('sync-io-in-handler outside servers', () => {
  const count = (text: string, fileName: string): number => analyze({ text, fileName }, [syncIoInHandler]).findings.length;

  it('reports a (req, res) function in application code', () => assert.equal(count(handler, 'src/static.js'), 1));
  it('is quiet in a file with a shebang', () => assert.equal(count(`#!/usr/bin/env node\n${handler}`, 'src/static.js'), 0));
  for (const name of ['bin/serve.js', 'scripts/dev-server.js', 'tools/preview.js', 'src/static.test.js']) {
    it(`is quiet in ${name}`, () => assert.equal(count(handler, name), 0));
  }
});
