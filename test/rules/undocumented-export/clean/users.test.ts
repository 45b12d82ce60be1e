// expect: none
import { describe, expect, it } from 'vitest';

export function buildUser(overrides) {
  return { email: 'a@example.com', ...overrides };
}

describe('buildUser', () => {
  it('merges overrides', () => {
    expect(buildUser({ email: 'b@example.com' }).email).toBe('b@example.com');
  });
});
