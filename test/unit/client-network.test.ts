import { describe, expect, it } from 'vitest';
import { clientNetwork } from '../../src/auth/request';

describe('clientNetwork (rate-limit keys)', () => {
  it('keys IPv6 clients on their /64 network', () => {
    expect(clientNetwork('2001:db8:aa:bb::1')).toBe('2001:db8:aa:bb::/64');
    expect(clientNetwork('2001:0DB8:00aa:00bb:ffff:1:2:3')).toBe('2001:db8:aa:bb::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('fe80:1:2:3:4:5:6:7')).toBe('fe80:1:2:3::/64');
  });
  it('keeps IPv4 (also IPv4-mapped IPv6) as the address', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('lokal')).toBe('lokal');
    expect(clientNetwork('x'.repeat(100))).toHaveLength(64);
  });
});
