/**
 * The requester's secrets: the identity number (NIK / deed number) is encrypted at rest with AES-GCM under a key
 * derived (HKDF-SHA-256) from SESSION_SECRET with a purpose label; officers only ever see its last 4 characters.
 * The registration number and the private code use the shared reference-code formats (lib/reference-codes) with
 * PPID's original alphabet (no 0/O, 1/I): the number is random, the code is derived from the submission's
 * idempotency key (so a retried submission shows the same code again) and only its SHA-256 is stored.
 */
import { base64urlDecode, base64urlEncode } from '../../lib/encoding';
import { hmacBytes } from '../../lib/jwt';
import { NO_ZERO_ONE, privateCodes, trackingNumbers } from '../../lib/reference-codes';

const numbers = trackingNumbers('PPID', NO_ZERO_ONE);
const codes = privateCodes({ alphabet: NO_ZERO_ONE, length: 12, canonical: 'grouped', take: 'bytes' });

/** PPID-7K3Q-9XPD (32^8 ≈ 10^12 possibilities). */
export const NUMBER_RE = numbers.pattern;
export const CODE_RE = codes.pattern;
export const newRequestNumber = numbers.create;
/** "ppid 7k3q 9xpd" → "PPID-7K3Q-9XPD"; null when malformed. */
export const normalizeNumber = numbers.parse;
/** "abcd efgh jkmn" → "ABCD-EFGH-JKMN"; null when malformed. */
export const normalizeCode = codes.parse;

/** The private code of a submission: deterministic in (scope, idempotency key), unguessable without the secret. */
export async function privateCodeFor(secret: string, scope: string, key: string): Promise<string> {
  return codes.fromMac(await hmacBytes(secret, 'form', `ppid-private-code:${scope}:${key}`));
}

/** What is stored for the private code (60 bits of entropy, so a plain SHA-256 with the number as salt suffices). */
export function codeHash(number: string, code: string): Promise<string> {
  return codes.hash(code, `ppid-code:${number}:`);
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

/**
 * 'v1.' + base64url(iv ‖ ciphertext+tag). `aad` binds the ciphertext to its row (the registration number), so a
 * ciphertext copied onto another request does not decrypt.
 */
export async function encryptIdentity(secret: string, plain: string, aad: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aad) },
      await identityKey(secret),
      new TextEncoder().encode(plain),
    ),
  );
  const out = new Uint8Array(iv.length + ct.length);
  out.set(iv);
  out.set(ct, iv.length);
  return `v1.${base64urlEncode(out)}`;
}

/** Decrypts a stored identity number (null when the ciphertext, secret or row binding does not match). */
export async function decryptIdentity(secret: string, stored: string, aad: string): Promise<string | null> {
  if (!stored.startsWith('v1.')) return null;
  try {
    const bytes = base64urlDecode(stored.slice(3));
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
  return identity
    .replace(/[^0-9A-Za-z]/g, '')
    .slice(-4)
    .toUpperCase();
}
