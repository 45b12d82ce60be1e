// expect: none
import { createHash } from 'node:crypto';

describe('legacy import', () => {
  it('reads old md5 rows', () => {
    const password = 'hunter2';
    const legacy = createHash('md5').update(password).digest('hex');
    expect(legacy).toHaveLength(32);
  });
});
