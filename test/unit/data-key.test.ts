import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { dataKeys, needsReseal, open, openOptional, reseal, seal, SealError, sealedKeyId } from '../../src/lib/data-key';
import { KeyringError, parseKeyring } from '../../src/lib/keyring';

const K0 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
const K1 = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=';
const ring = (active: string, keys: Record<string, string> = { k0: K0, k1: K1 }) => parseKeyring('DATA_KEYS', JSON.stringify(keys), active);

describe('versioned data key', () => {
  it('seals with the active key id in front and opens it again', async () => {
    const keys = ring('k1');
    const sealed = await seal(keys, '6408041203900001', 'letter:A:nik');
    expect(sealed).toMatch(/^k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('6408041203900001');
    expect(sealedKeyId(sealed)).toBe('k1');
    expect(await open(keys, sealed, 'letter:A:nik')).toBe('6408041203900001');
    // A fresh IV each time: equal plaintexts never give equal ciphertexts.
    expect(await seal(keys, '6408041203900001', 'letter:A:nik')).not.toBe(sealed);
  });

  it('opens values written under an older key by its id, and rotation re-seals them under the active key', async () => {
    const old = await seal(ring('k0'), 'Budi', 'ctx');
    const keys = ring('k1');
    expect(needsReseal(keys, old)).toBe(true);
    expect(await open(keys, old, 'ctx')).toBe('Budi');
    const fresh = await reseal(keys, old, 'ctx');
    expect(sealedKeyId(fresh)).toBe('k1');
    expect(needsReseal(keys, fresh)).toBe(false);
    expect(await open(keys, fresh, 'ctx')).toBe('Budi');
  });

  it('names the missing key instead of failing silently', async () => {
    const sealed = await seal(ring('k0'), 'x', 'ctx');
    const without = ring('k1', { k1: K1 });
    await expect(open(without, sealed, 'ctx')).rejects.toThrow(KeyringError);
    await expect(open(without, sealed, 'ctx')).rejects.toThrow(/"k0" tidak ada/);
  });

  it('refuses a value bound to another row or column, altered bytes and garbage', async () => {
    const keys = ring('k1');
    const sealed = await seal(keys, '6408041203900001', 'letter:A:nik');
    await expect(open(keys, sealed, 'letter:B:nik')).rejects.toThrow(SealError);
    await expect(open(keys, sealed, 'letter:A:kk')).rejects.toThrow(SealError);
    const [id, iv, ct] = sealed.split(':');
    // A character in the middle (every bit of it is data, unlike the last one's padding bits), always changed.
    const mid = Math.floor(ct!.length / 2);
    const flipped = `${id}:${iv}:${ct!.slice(0, mid)}${ct![mid] === 'A' ? 'B' : 'A'}${ct!.slice(mid + 1)}`;
    expect(flipped).not.toBe(sealed);
    await expect(open(keys, flipped, 'letter:A:nik')).rejects.toThrow(SealError);
    await expect(open(keys, 'plain-text', 'ctx')).rejects.toThrow(SealError);
    expect(await openOptional(keys, null, 'ctx')).toBeNull();
  });

  it('explains every configuration mistake', () => {
    expect(() => parseKeyring('DATA_KEYS', undefined, 'k1')).toThrow(/DATA_KEYS belum diatur/);
    expect(() => parseKeyring('DATA_KEYS', '{nope', 'k1')).toThrow(/bukan JSON/);
    expect(() => parseKeyring('DATA_KEYS', '[1]', 'k1')).toThrow(/objek JSON/);
    expect(() => parseKeyring('DATA_KEYS', JSON.stringify({ k1: 'c2hvcnQ=' }), 'k1')).toThrow(/32 byte/);
    expect(() => parseKeyring('DATA_KEYS', JSON.stringify({ 'K:1': K1 }), 'K:1')).toThrow(/tidak valid/);
    expect(() => parseKeyring('DATA_KEYS', JSON.stringify({ k1: K1 }), '')).toThrow(/aktif belum diatur/);
    expect(() => parseKeyring('DATA_KEYS', JSON.stringify({ k1: K1 }), 'k2')).toThrow(/"k2" tidak ada di daftar/);
  });

  it('reads the keys the worker is configured with (not SESSION_SECRET)', async () => {
    const keys = dataKeys(env);
    expect(keys.active).toBe(env.DATA_KEY_ACTIVE);
    expect(keys.ids).toContain(keys.active);
    const sealed = await seal(keys, 'x', 'ctx');
    // Changing the session secret changes nothing about personal data.
    expect(await open(dataKeys({ ...env, SESSION_SECRET: 'another-secret-another-secret-another' } as typeof env), sealed, 'ctx')).toBe('x');
  });
});
