/**
 * The requester's secrets: the identity number (NIK / deed number) is encrypted at rest with the versioned data key
 * (src/lib/data-key.ts, never derived from SESSION_SECRET); officers only ever see its last 4 characters.
 * The registration number and the private code use the shared reference-code formats (lib/reference-codes) with
 * PPID's original alphabet (no 0/O, 1/I): the number is random, the code is derived from the submission's
 * idempotency key (so a retried submission shows the same code again) and only its SHA-256 is stored.
 */
import { open, seal } from '../../lib/data-key';
import { hmacBytes } from '../../lib/jwt';
import type { Keyring } from '../../lib/keyring';
import { NO_ZERO_ONE, privateCodes, trackingNumbers } from '../../lib/reference-codes';
import { isLegacyIdentity, openLegacyIdentity } from './legacy-identity';

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

/** The authenticated context of a request's identity number: bound to its row (the registration number). */
export const identityContext = (number: string) => `ppid:${number}:identity`;

/** Encrypts an identity number with the data key (src/lib/data-key.ts), bound to its request. */
export function sealIdentity(keys: Keyring, plain: string, number: string): Promise<string> {
  return seal(keys, plain, identityContext(number));
}

/**
 * Opens a stored identity number: data-key values (`<key id>:…`) and, read-only, the legacy `v1.` values written before
 * the data key existed (legacy-identity.ts, which needs the SESSION_SECRET they were written under; the rotation job
 * re-seals them). Null when it cannot be opened (missing key, altered value, another row).
 */
export async function openIdentity(keys: Keyring, legacySecret: string, stored: string, number: string): Promise<string | null> {
  if (isLegacyIdentity(stored)) return openLegacyIdentity(legacySecret, stored, number);
  try {
    return await open(keys, stored, identityContext(number));
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
