/**
 * Verification codes printed (as a QR code) on every finished letter: `{origin}/verifikasi/{code}`.
 *
 *   code = <key id> - <nonce: 16 Crockford symbols, 80 random bits> - <tag: 16 symbols, 80 bits of an HMAC>
 *   tag  = HMAC-SHA-256(VERIFY_KEYS[key id], letter id | number | region | issue date | nonce)
 *
 * The nonce finds the letter (unique column), the tag proves the code was made by this portal FOR THAT LETTER: a
 * guessed, forged or altered code — or a letter whose number, region or date was changed in the database afterwards —
 * fails the check and reads "tidak dikenal". Keys are versioned (`VERIFY_KEYS` + `VERIFY_KEY_ACTIVE`): a new key signs
 * new letters while old ids stay to check the codes already printed.
 */
import { parseKeyring, type Keyring } from '../../lib/keyring';
import { randomString } from '../../lib/ids';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PART = 16;
export const VERIFY_CODE_RE = /^([a-z][a-z0-9]{0,15})-([0-9A-HJKMNP-TV-Z]{16})-([0-9A-HJKMNP-TV-Z]{16})$/;

export interface VerifyEnv {
  VERIFY_KEYS?: string;
  VERIFY_KEY_ACTIVE?: string;
}

export function verifyKeys(env: VerifyEnv): Keyring {
  return parseKeyring('VERIFY_KEYS', env.VERIFY_KEYS, env.VERIFY_KEY_ACTIVE);
}

/** What the code is bound to. */
export interface LetterBinding {
  letterId: string;
  letterNumber: string;
  regionCode: string;
  issuedAt: number;
}

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  return out;
}

async function tagOf(keys: Keyring, kid: string, nonce: string, b: LetterBinding): Promise<string> {
  const key = await crypto.subtle.importKey('raw', keys.bytes(kid) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const msg = `letter-verify|${kid}|${nonce}|${b.letterId}|${b.letterNumber}|${b.regionCode}|${b.issuedAt}`;
  return base32(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(msg))), PART);
}

/** A new code for a letter, under the active key. Store `nonce` (unique) and `kid` with the letter. */
export async function newVerifyCode(keys: Keyring, binding: LetterBinding): Promise<{ code: string; kid: string; nonce: string }> {
  const kid = keys.active;
  const nonce = randomString(PART, CROCKFORD);
  return { code: `${kid}-${nonce}-${await tagOf(keys, kid, nonce, binding)}`, kid, nonce };
}

/** The code of a letter that already has its key id and nonce (what the QR shows; the tag is never stored). */
export async function codeFor(keys: Keyring, kid: string, nonce: string, binding: LetterBinding): Promise<string> {
  return `${kid}-${nonce}-${await tagOf(keys, kid, nonce, binding)}`;
}

/** The parts of a code as typed or scanned (case forgiven); null when it cannot be one. */
export function parseVerifyCode(input: string): { kid: string; nonce: string; tag: string } | null {
  if (typeof input !== 'string' || input.length > 60) return null;
  const dash = input.indexOf('-');
  if (dash < 1) return null;
  const m = VERIFY_CODE_RE.exec(`${input.slice(0, dash).toLowerCase()}${input.slice(dash).toUpperCase()}`);
  return m ? { kid: m[1]!, nonce: m[2]!, tag: m[3]! } : null;
}

/** Constant-time check that `code` was made for this letter; false for an unknown key id too (never throws). */
export async function verifyCodeMatches(keys: Keyring, code: { kid: string; nonce: string; tag: string }, binding: LetterBinding): Promise<boolean> {
  if (!keys.ids.includes(code.kid)) return false;
  const expected = await tagOf(keys, code.kid, code.nonce, binding);
  let diff = expected.length ^ code.tag.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (code.tag.charCodeAt(i) || 0);
  return diff === 0;
}
