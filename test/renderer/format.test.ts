import { describe, expect, it } from 'vitest';
import { formatCount } from '../../renderer/src/components/format';

describe('counts', () => {
  it('groups thousands the same way on every screen, whatever the browser’s language', () => {
    expect([0, 7, 999, 1000, 10_000, 123_456, 1_003_102, -4500].map(formatCount)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '10,000',
      '123,456',
      '1,003,102',
      '-4,500',
    ]);
  });
});
