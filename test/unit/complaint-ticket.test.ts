import { describe, expect, it } from 'vitest';
import {
  CODE_LENGTH,
  codeMatches,
  CROCKFORD,
  deriveCode,
  formatCode,
  hashCode,
  newTicket,
  normalizeCode,
  normalizeTicket,
  TICKET_RE,
} from '../../src/features/complaints/ticket';

describe('tracking numbers', () => {
  it('look like ADU-XXXX-XXXX, without ambiguous letters, and do not repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const t = newTicket();
      expect(t).toMatch(TICKET_RE);
      expect(t.slice(4)).not.toMatch(/[ILOU]/);
      seen.add(t);
    }
    expect(seen.size).toBe(2000);
  });

  it('forgive case, spaces and look-alike letters when typed', () => {
    expect(normalizeTicket('adu 7k3q 9xpd')).toBe('ADU-7K3Q-9XPD');
    expect(normalizeTicket('ADU-7K3Q-9XPD')).toBe('ADU-7K3Q-9XPD');
    expect(normalizeTicket('7k3q9xpd')).toBe('ADU-7K3Q-9XPD');
    expect(normalizeTicket('ADU-OOIL-1234')).toBe('ADU-0011-1234');
    expect(normalizeTicket('AD3Q9XPD')).toBe('ADU-AD3Q-9XPD'); // a bare number may start with A and D
    for (const bad of ['', 'ADU-7K3Q', 'ADU-7K3Q-9XPD-1', 'ADU-7K3Q-9XU!', '<script>', 'x'.repeat(100)]) expect(normalizeTicket(bad), bad).toBeNull();
  });
});

describe('private codes', () => {
  it('are derived deterministically from the idempotency key and request hash (replays show the same code)', async () => {
    const a = await deriveCode('rahasia-server', 'complaint', 'kunci-0123456789', 'hash-a');
    expect(a).toHaveLength(CODE_LENGTH);
    expect([...a].every((ch) => CROCKFORD.includes(ch))).toBe(true);
    expect(await deriveCode('rahasia-server', 'complaint', 'kunci-0123456789', 'hash-a')).toBe(a);
    expect(await deriveCode('rahasia-server', 'complaint', 'kunci-0123456789', 'hash-b')).not.toBe(a);
    expect(await deriveCode('rahasia-server', 'complaint', 'kunci-lain-01234', 'hash-a')).not.toBe(a);
    expect(await deriveCode('rahasia-lain', 'complaint', 'kunci-0123456789', 'hash-a')).not.toBe(a);
  });

  it('are matched against their stored hash only, in any typed form', async () => {
    const code = await deriveCode('s', 'complaint', 'k'.repeat(16), 'h');
    const stored = await hashCode(code);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(code);
    expect(await codeMatches(code, stored)).toBe(true);
    expect(await codeMatches(formatCode(code).toLowerCase(), stored)).toBe(true);
    expect(await codeMatches(` ${formatCode(code)} `, stored)).toBe(true);
    const wrong = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    expect(await codeMatches(wrong, stored)).toBe(false);
    expect(await codeMatches('', stored)).toBe(false);
    expect(await codeMatches(null, stored)).toBe(false);
    expect(normalizeCode('ABCD')).toBeNull();
  });
});

describe('stored data stays valid', () => {
  // Vectors computed with the complaint code generator as it was before the shared reference-code module.
  const secret = 'golden-secret-at-least-32-characters-long!';
  it('derives and hashes private codes exactly as before', async () => {
    const code = await deriveCode(secret, 'complaint', 'kunci-idempotensi-0001', 'abc123');
    expect(code).toBe('A4845X0RFPQRA3DYG34B');
    expect(await deriveCode('another-golden-secret-32-characters-long', 'complaint', 'K'.repeat(40), 'f'.repeat(64))).toBe('WBBFJJB46XHVGWWS2V4Y');
    expect(await hashCode(code)).toBe('f7e0d34694bcc4613ff2cf9330f65f48b1ed0426a6cef4b2662ff914f6c18716');
    expect(await codeMatches('a484-5x0r-fpqr-a3dy-g34b', 'f7e0d34694bcc4613ff2cf9330f65f48b1ed0426a6cef4b2662ff914f6c18716')).toBe(true);
    expect(formatCode(code)).toBe('A484-5X0R-FPQR-A3DY-G34B');
  });
});
