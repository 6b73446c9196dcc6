import { describe, expect, it } from 'vitest';
import { pickNotice } from '../../src/lib/notices';

describe('pickNotice', () => {
  const table = { disimpan: 'Perubahan tersimpan.' };
  it('reads the page’s own keys and nothing else', () => {
    expect(pickNotice(table, 'disimpan')).toBe('Perubahan tersimpan.');
    expect(pickNotice(table, undefined)).toBeUndefined();
    expect(pickNotice(table, '')).toBeUndefined();
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(pickNotice(table, key)).toBeUndefined();
  });
});
