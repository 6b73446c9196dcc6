/**
 * Reference numbers and private codes for everything a citizen files: one format, one parser, one way to derive,
 * hash and check. Each feature configures its own (complaints `ADU`, PPID requests `PPID`, letters `SRT`):
 *
 *   const numbers = trackingNumbers('SRT');              // SRT-7K3Q-9XPD: 8 random symbols, 40 bits
 *   const codes = privateCodes({ alphabet: CROCKFORD, length: 20, canonical: 'plain', take: 'bits' });
 *
 * - A tracking number is PREFIX-XXXX-XXXX over a 32-symbol alphabet without look-alikes, readable aloud and over the
 *   phone. Typed input is forgiven: case, spaces, dashes and other separators, a missing prefix, and (Crockford)
 *   O→0 and I/L→1.
 * - A private code is derived from an HMAC of the submission (its idempotency key), so a replayed submission shows the
 *   same code without the server ever storing it; only SHA-256(salt ‖ canonical code) is stored, and checks compare
 *   digests in constant time.
 */
import { sha256Hex } from './encoding';
import { randomString } from './ids';
import { constantTimeEqual } from './password';

export interface Alphabet {
  /** Exactly 32 symbols, so 5 bits (or a byte modulo 32) pick one without bias. */
  symbols: string;
  /** Typed look-alikes and the symbol they stand for. */
  lookalikes: Readonly<Record<string, string>>;
}

/** Crockford base32 (no I, L, O, U). The alphabet for new formats. */
export const CROCKFORD: Alphabet = { symbols: '0123456789ABCDEFGHJKMNPQRSTVWXYZ', lookalikes: { O: '0', I: '1', L: '1' } };

/** PPID's alphabet since its first release (no 0/O, 1/I); kept so its stored numbers and codes stay valid. */
export const NO_ZERO_ONE: Alphabet = { symbols: '23456789ABCDEFGHJKLMNPQRSTUVWXYZ', lookalikes: {} };

const MAX_INPUT = 64;
const GROUP = 4;

/** Upper-cased letters and digits of what a person typed; null when it is not a string or far too long. */
function compact(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return null;
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Look-alikes replaced; null when a symbol is not in the alphabet. */
function canonicalSymbols(s: string, alphabet: Alphabet): string | null {
  let out = '';
  for (const ch of s) {
    const c = alphabet.lookalikes[ch] ?? ch;
    if (!alphabet.symbols.includes(c)) return null;
    out += c;
  }
  return out;
}

const grouped = (s: string): string => s.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? s;

function groupedPattern(alphabet: Alphabet, groups: number): string {
  return Array.from({ length: groups }, () => `[${alphabet.symbols}]{${GROUP}}`).join('-');
}

export interface TrackingNumbers {
  prefix: string;
  /** The canonical form, e.g. /^ADU-[…]{4}-[…]{4}$/. */
  pattern: RegExp;
  create(): string;
  /** 'adu 7k3q 9xpd', 'ADU-7K3Q-9XPD', '7K3Q9XPD' → 'ADU-7K3Q-9XPD'; null when it cannot be one. */
  parse(input: string): string | null;
}

export function trackingNumbers(prefix: string, alphabet: Alphabet = CROCKFORD): TrackingNumbers {
  if (!/^[A-Z]{2,6}$/.test(prefix)) throw new Error(`invalid reference prefix ${prefix}`);
  const length = 2 * GROUP;
  return {
    prefix,
    pattern: new RegExp(`^${prefix}-${groupedPattern(alphabet, 2)}$`),
    create: () => `${prefix}-${grouped(randomString(length, alphabet.symbols))}`,
    parse(input) {
      const raw = compact(input);
      if (!raw) return null;
      const body = raw.length === prefix.length + length && raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
      const symbols = body.length === length ? canonicalSymbols(body, alphabet) : null;
      return symbols ? `${prefix}-${grouped(symbols)}` : null;
    },
  };
}

export interface PrivateCodeFormat {
  alphabet: Alphabet;
  /** Number of symbols (a multiple of 4). */
  length: number;
  /** The canonical form, which is what gets hashed: 'plain' ABCDEFGH… or 'grouped' ABCD-EFGH-…. */
  canonical: 'plain' | 'grouped';
  /** How MAC bytes become symbols: 5 bits at a time ('bits'), or the low 5 bits of each byte ('bytes'). */
  take: 'bits' | 'bytes';
}

export interface PrivateCodes {
  /** The canonical form. */
  pattern: RegExp;
  /** The code for a submission, from an HMAC over it (32 bytes: enough for 51 symbols 'bits', 32 'bytes'). */
  fromMac(mac: Uint8Array): string;
  /** Canonical form of a typed code (groups, case, separators and look-alikes forgiven); null when malformed. */
  parse(input: string): string | null;
  /** ABCD-EFGH-… for display. */
  display(code: string): string;
  /** What is stored: lowercase hex SHA-256 of salt ‖ canonical code. */
  hash(code: string, salt: string): Promise<string>;
  /** Constant-time check of a typed code against the stored hash. */
  matches(input: string | null | undefined, storedHash: string, salt: string): Promise<boolean>;
}

export function privateCodes(f: PrivateCodeFormat): PrivateCodes {
  const { alphabet, length } = f;
  if (alphabet.symbols.length !== 32 || length % GROUP !== 0) throw new Error('invalid private code format');
  const canonical = (symbols: string) => (f.canonical === 'grouped' ? grouped(symbols) : symbols);
  const codes: PrivateCodes = {
    pattern: new RegExp(`^${f.canonical === 'grouped' ? groupedPattern(alphabet, length / GROUP) : `[${alphabet.symbols}]{${length}}`}$`),
    fromMac(mac) {
      let out = '';
      if (f.take === 'bytes') {
        for (let i = 0; i < length && i < mac.length; i++) out += alphabet.symbols[mac[i]! & 31];
      } else {
        let bits = 0;
        let value = 0;
        for (let i = 0; i < mac.length && out.length < length; i++) {
          value = (value << 8) | mac[i]!;
          bits += 8;
          while (bits >= 5 && out.length < length) {
            out += alphabet.symbols[(value >>> (bits - 5)) & 31];
            bits -= 5;
          }
          value &= (1 << bits) - 1;
        }
      }
      if (out.length !== length) throw new Error('MAC too short for the private code');
      return canonical(out);
    },
    parse(input) {
      const raw = compact(input);
      const symbols = raw && raw.length === length ? canonicalSymbols(raw, alphabet) : null;
      return symbols ? canonical(symbols) : null;
    },
    display: (code) => grouped(code.replace(/-/g, '')),
    hash: (code, salt) => sha256Hex(`${salt}${code}`),
    async matches(input, storedHash, salt) {
      const code = input ? codes.parse(input) : null;
      if (!code) return false;
      return sameDigest(await codes.hash(code, salt), storedHash);
    },
  };
  return codes;
}

/** Constant-time equality of two digests (hex or any text). */
export function sameDigest(a: string, b: string): boolean {
  const enc = new TextEncoder();
  return constantTimeEqual(enc.encode(a), enc.encode(b));
}
