/**
 * The requester's secrets: the identity number (NIK / deed number) is encrypted at rest with AES-GCM under a key
 * derived (HKDF-SHA-256) from SESSION_SECRET with a purpose label; officers only ever see its last 4 characters.
 * The registration number is random and readable; the private code is derived from the submission's idempotency key
 * (so a retried submission shows the same code again) and only its SHA-256 is stored.
 */
import { hmac } from '../../lib/jwt';
import { randomString } from '../../lib/ids';

/** No 0/O and 1/I: readable aloud and on a cheap screen. 32 symbols, so `byte % 32` is unbiased. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export const NUMBER_RE = /^PPID-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
export const CODE_RE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** A new registration number, e.g. PPID-7K3Q-9XPD (32^8 ≈ 10^12 possibilities). */
export function newRequestNumber(): string {
  return `PPID-${randomString(4, CODE_ALPHABET)}-${randomString(4, CODE_ALPHABET)}`;
}

/** Upper-cases and re-groups what a person typed ("ppid 7k3q 9xpd" → "PPID-7K3Q-9XPD"); null when malformed. */
export function normalizeNumber(input: string): string | null {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = raw.startsWith('PPID') ? raw.slice(4) : raw;
  if (body.length !== 8) return null;
  const n = `PPID-${body.slice(0, 4)}-${body.slice(4)}`;
  return NUMBER_RE.test(n) ? n : null;
}

export function normalizeCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (raw.length !== 12) return null;
  const c = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  return CODE_RE.test(c) ? c : null;
}

/** The private code of a submission: deterministic in (scope, idempotency key), unguessable without the secret. */
export async function privateCodeFor(secret: string, scope: string, key: string): Promise<string> {
  const mac = await hmac(secret, 'form', `ppid-private-code:${scope}:${key}`);
  const bytes = Uint8Array.from(atob(mac.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
  let out = '';
  for (let i = 0; i < 12; i++) out += CODE_ALPHABET[(bytes[i] ?? 0) % 32];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What is stored for the private code (60 bits of entropy, so a plain SHA-256 with the number as salt suffices). */
export function codeHash(number: string, code: string): Promise<string> {
  return sha256Hex(`ppid-code:${number}:${code}`);
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const keys = new Map<string, Promise<CryptoKey>>();

function identityKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = (async () => {
      const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveKey']);
      return crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode('portal-kutim/ppid'), info: new TextEncoder().encode('identity-number-v1') },
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      );
    })();
    keys.set(secret, key);
  }
  return key;
}

function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (ch) => ch.charCodeAt(0));
}

/**
 * 'v1.' + base64url(iv ‖ ciphertext+tag). `aad` binds the ciphertext to its row (the registration number), so a
 * ciphertext copied onto another request does not decrypt.
 */
export async function encryptIdentity(secret: string, plain: string, aad: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) }, await identityKey(secret), new TextEncoder().encode(plain)),
  );
  const out = new Uint8Array(iv.length + ct.length);
  out.set(iv);
  out.set(ct, iv.length);
  return `v1.${b64url(out)}`;
}

/** Decrypts a stored identity number (null when the ciphertext, secret or row binding does not match). */
export async function decryptIdentity(secret: string, stored: string, aad: string): Promise<string | null> {
  if (!stored.startsWith('v1.')) return null;
  try {
    const bytes = fromB64url(stored.slice(3));
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: new TextEncoder().encode(aad) },
      await identityKey(secret),
      bytes.slice(12),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** The last 4 letters/digits of an identity number, the only part officers see. */
export function lastFour(identity: string): string {
  return identity.replace(/[^0-9A-Za-z]/g, '').slice(-4).toUpperCase();
}
