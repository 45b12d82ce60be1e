/** Every "Wrap in transaction" fix case keeps each original statement, in order (issue 5). */
import { fixCases, fixtureName } from './harness/fixtures';
import { applyUntilDone } from './harness/apply-fix';
import { assertKeepsStatements } from './harness/kept-statements';
import * as path from 'node:path';

describe('Wrap in transaction keeps every statement', () => {
  for (const c of fixCases('missing-transaction').filter((x) => x.title === 'Wrap in transaction')) {
    it(path.basename(c.input.file), () => {
      const name = fixtureName('missing-transaction', c.input.file);
      assertKeepsStatements(c.input.text, applyUntilDone(c.input.text, name, 'missing-transaction', c.title), name);
    });
  }
});
