/**
 * Tracking numbers and private reporter codes.
 *
 * - Ticket: `ADU-XXXX-XXXX`, 8 random symbols of Crockford base32 (no I, L, O, U): 40 bits from WebCrypto, readable
 *   aloud and over the phone; typing mistakes O→0 and I/L→1 are forgiven by `normalizeTicket`.
 * - Private code: 20 symbols (100 bits) in groups of 4. Only its SHA-256 is stored. It is derived with HMAC from the
 *   idempotency key and the request hash, so a replay of the same submission (double tap, retry) can show the same
 *   code again without the server ever storing it.
 */
import { randomString } from '../../lib/ids';
import { constantTimeEqual } from '../../lib/password';

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TICKET_RE = /^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
export const CODE_LENGTH = 20;

export function newTicket(): string {
  const s = randomString(8, CROCKFORD);
  return `ADU-${s.slice(0, 4)}-${s.slice(4)}`;
}

function crockfordClean(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** 'adu 7k3q 9xpd', 'ADU-7K3Q-9XPD', '7K3Q9XPD' → 'ADU-7K3Q-9XPD'; null when it cannot be a ticket. */
export function normalizeTicket(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  let s = crockfordClean(input);
  if (s.length === 11 && s.startsWith('ADU')) s = s.slice(3);
  if (s.length !== 8) return null;
  const t = `ADU-${s.slice(0, 4)}-${s.slice(4)}`;
  return TICKET_RE.test(t) ? t : null;
}

/** Canonical form of a typed private code (groups, case and look-alike letters forgiven); null when malformed. */
export function normalizeCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 60) return null;
  const s = crockfordClean(input);
  if (s.length !== CODE_LENGTH || [...s].some((ch) => !CROCKFORD.includes(ch))) return null;
  return s;
}

/** 'ABCD-EFGH-…' for display. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

async function hmacBytes(secret: string, message: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message)));
}

/** The private code of a submission: HMAC(secret, scope|key|hash) as 20 Crockford symbols (5 bits each, unbiased). */
export async function deriveCode(secret: string, scope: string, key: string, hash: string): Promise<string> {
  const bytes = await hmacBytes(secret, `complaint-code|${scope}|${key}|${hash}`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === CODE_LENGTH) break;
  }
  return out;
}

export async function hashCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`complaint:${code}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Constant-time check of a typed code against the stored hash. */
export async function codeMatches(input: string | null | undefined, storedHash: string): Promise<boolean> {
  const code = input ? normalizeCode(input) : null;
  if (!code) return false;
  const enc = new TextEncoder();
  return constantTimeEqual(enc.encode(await hashCode(code)), enc.encode(storedHash));
}
