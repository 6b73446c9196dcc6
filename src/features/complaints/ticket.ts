/**
 * Complaint tracking numbers and private reporter codes, in the shared reference-code formats (lib/reference-codes):
 * - ticket `ADU-XXXX-XXXX`, 8 random Crockford symbols (40 bits);
 * - private code: 20 Crockford symbols (100 bits), derived with HMAC from the idempotency key and the request hash,
 *   stored only as SHA-256('complaint:' ‖ code).
 */
import { hmacSha256 } from '../../lib/encoding';
import { CROCKFORD as CROCKFORD_ALPHABET, privateCodes, trackingNumbers } from '../../lib/reference-codes';

export const CROCKFORD = CROCKFORD_ALPHABET.symbols;
export const CODE_LENGTH = 20;
const CODE_SALT = 'complaint:';

const tickets = trackingNumbers('ADU', CROCKFORD_ALPHABET);
const codes = privateCodes({ alphabet: CROCKFORD_ALPHABET, length: CODE_LENGTH, canonical: 'plain', take: 'bits' });

export const TICKET_RE = tickets.pattern;
export const newTicket = tickets.create;
export const normalizeTicket = tickets.parse;
export const normalizeCode = codes.parse;
export const formatCode = codes.display;

/** The private code of a submission: HMAC(secret, scope|key|hash) as 20 Crockford symbols. */
export async function deriveCode(secret: string, scope: string, key: string, hash: string): Promise<string> {
  return codes.fromMac(await hmacSha256(secret, `complaint-code|${scope}|${key}|${hash}`));
}

export const hashCode = (code: string): Promise<string> => codes.hash(code, CODE_SALT);

/** Constant-time check of a typed code against the stored hash. */
export const codeMatches = (input: string | null | undefined, storedHash: string): Promise<boolean> => codes.matches(input, storedHash, CODE_SALT);
