/**
 * Tracking numbers (`SRT-7K3Q-9XPD`, 8 random Crockford symbols, 40 bits) and the requester's private code (16
 * symbols, 80 bits, derived with an HMAC from the submission's idempotency key so a replay shows the same code; only
 * its SHA-256 is stored). Typed input is forgiven: case, spaces, dashes, O→0 and I/L→1.
 */
import { randomString } from '../../lib/ids';
import { constantTimeEqual } from '../../lib/password';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_RE = /^SRT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const CODE_LENGTH = 16;

const canonical = (input: string) =>
  input
    .toUpperCase()
    .replace(/[\s\-._]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

export function newTrackingNumber(): string {
  const s = randomString(8, CROCKFORD);
  return `SRT-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** 'srt 7k3q 9xpd', '7K3Q9XPD' → 'SRT-7K3Q-9XPD'; null when it cannot be one. */
export function normalizeTrackingNumber(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  let s = canonical(input);
  if (s.length === 11 && s.startsWith('SRT')) s = s.slice(3);
  if (s.length !== 8) return null;
  const n = `SRT-${s.slice(0, 4)}-${s.slice(4)}`;
  return TRACKING_RE.test(n) ? n : null;
}

/** Canonical private code (16 symbols, no dashes); null when malformed. */
export function parsePrivateCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 60) return null;
  const s = canonical(input);
  return s.length === CODE_LENGTH && [...s].every((ch) => CROCKFORD.includes(ch)) ? s : null;
}

/** 'ABCD-EFGH-JKMN-PQRS' */
export function displayCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The private code of a submission: HMAC(secret, scope|key|hash) as 16 Crockford symbols. */
export async function derivePrivateCode(secret: string, scope: string, key: string, hash: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(`letter-code|${scope}|${key}|${hash}`)));
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += CROCKFORD[mac[i]! & 31];
  return out;
}

export async function hashPrivateCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`letter:${code}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Constant-time check of a typed code against the stored hash. */
export async function privateCodeMatches(input: string | null | undefined, storedHash: string): Promise<boolean> {
  const code = input ? parsePrivateCode(input) : null;
  if (!code) return false;
  const enc = new TextEncoder();
  return constantTimeEqual(enc.encode(await hashPrivateCode(code)), enc.encode(storedHash));
}
