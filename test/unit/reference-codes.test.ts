import { describe, expect, it } from 'vitest';
import { codeHash, CODE_RE, normalizeCode, normalizeNumber, NUMBER_RE, privateCodeFor } from '../../src/features/ppid/secrets';
import { hmacSha256 } from '../../src/lib/encoding';
import { CROCKFORD, NO_ZERO_ONE, privateCodes, sameDigest, trackingNumbers } from '../../src/lib/reference-codes';

describe('tracking numbers for any prefix', () => {
  const letters = trackingNumbers('SRT');

  it('are PREFIX-XXXX-XXXX over the alphabet, random, and parse back', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const n = letters.create();
      expect(n).toMatch(letters.pattern);
      expect(n).toMatch(/^SRT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(letters.parse(n.toLowerCase().replace(/-/g, ' '))).toBe(n);
      seen.add(n);
    }
    expect(seen.size).toBe(500);
  });

  it('forgive case, separators, a missing prefix and Crockford look-alikes; refuse anything else', () => {
    expect(letters.parse(' srt 7k3q 9xpd ')).toBe('SRT-7K3Q-9XPD');
    expect(letters.parse('SRT.7K3Q/9XPD')).toBe('SRT-7K3Q-9XPD');
    expect(letters.parse('7K3Q-9XPD')).toBe('SRT-7K3Q-9XPD');
    expect(letters.parse('SRT-O1IL-oooo')).toBe('SRT-0111-0000');
    expect(letters.parse('ST3Q9XPD')).toBe('SRT-ST3Q-9XPD'); // 8 symbols are the body even when they start like a prefix
    for (const bad of ['', 'SRT-7K3Q', 'SRT-7K3Q-9XPD-1', 'ADU-7K3Q-9XPD', 'SRT-7K3Q-9XPU', '<script>', 'x'.repeat(100), ' '.repeat(65)]) {
      expect(letters.parse(bad), bad).toBeNull();
    }
    expect(letters.parse(null as unknown as string)).toBeNull();
    expect(() => trackingNumbers('adu')).toThrow();
    expect(() => trackingNumbers('A-B')).toThrow();
  });

  it('keep PPID numbers in their original alphabet (no 0 or 1), so stored numbers stay valid', () => {
    const ppid = trackingNumbers('PPID', NO_ZERO_ONE);
    expect(ppid.pattern.source).toBe(NUMBER_RE.source);
    expect(ppid.parse('ppid 7klu 9xpd')).toBe('PPID-7KLU-9XPD'); // L and U are symbols here
    expect(ppid.parse('PPID-0000-1111')).toBeNull();
    expect(normalizeNumber('PPID7K3Q9XPD')).toBe('PPID-7K3Q-9XPD');
  });
});

describe('private codes', () => {
  it('map MAC bytes to symbols without bias, 5 bits at a time or one byte per symbol', () => {
    const bits = privateCodes({ alphabet: CROCKFORD, length: 8, canonical: 'plain', take: 'bits' });
    expect(bits.fromMac(Uint8Array.from([0, 0, 0, 0, 0]))).toBe('00000000');
    expect(bits.fromMac(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('ZZZZZZZZ');
    expect(bits.fromMac(Uint8Array.from([0b00001000, 0b10000110, 0b01000010, 0b10011000, 0b11101000]))).toBe('12345678');
    expect(() => bits.fromMac(Uint8Array.from([1, 2]))).toThrow();
    const bytes = privateCodes({ alphabet: NO_ZERO_ONE, length: 4, canonical: 'grouped', take: 'bytes' });
    expect(bytes.fromMac(Uint8Array.from([0, 31, 32, 255]))).toBe('2Z2Z');
  });

  it('hash salt ‖ canonical code and check typed input in constant time', async () => {
    const codes = privateCodes({ alphabet: CROCKFORD, length: 12, canonical: 'grouped', take: 'bits' });
    const code = codes.fromMac(await hmacSha256('rahasia', 'pesan'));
    expect(code).toMatch(codes.pattern);
    const stored = await codes.hash(code, 'surat:SRT-7K3Q-9XPD:');
    expect(await codes.matches(code.toLowerCase().replace(/-/g, ''), stored, 'surat:SRT-7K3Q-9XPD:')).toBe(true);
    expect(await codes.matches(code, stored, 'surat:SRT-AAAA-BBBB:')).toBe(false); // salt binds the code to its number
    expect(await codes.matches(undefined, stored, 'surat:SRT-7K3Q-9XPD:')).toBe(false);
    expect(codes.parse('abcd-efgh')).toBeNull();
    expect(sameDigest('abc', 'abc')).toBe(true);
    expect(sameDigest('abc', 'abd')).toBe(false);
    expect(sameDigest('abc', 'abcd')).toBe(false);
  });

  it('derive and hash PPID codes exactly as before (stored hashes stay valid)', async () => {
    // Vectors computed with PPID's code generator as it was before the shared reference-code module.
    const secret = 'golden-secret-at-least-32-characters-long!';
    const code = await privateCodeFor(secret, 'info_request', 'kunci-idempotensi-0001');
    expect(code).toBe('SARU-H8VQ-5SGN');
    expect(code).toMatch(CODE_RE);
    expect(await privateCodeFor('another-golden-secret-32-characters-long', 'info_request', 'Z'.repeat(64))).toBe('J2ZL-E5XY-KTLK');
    expect(await codeHash('PPID-7K3Q-9XPD', code)).toBe('c4787ce356964960fd966bff64483b85730db331c9622308246cfde7345720a9');
    expect(normalizeCode('saru h8vq 5sgn')).toBe(code);
  });
});
