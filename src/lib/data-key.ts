/**
 * THE personal-data encryption (NIK, KK, a requester's contact): AES-256-GCM under a versioned data key of its own
 * (`DATA_KEYS` + `DATA_KEY_ACTIVE`, never derived from SESSION_SECRET), so rotating the session secret after a leak
 * locks nothing, and a backup needs only the data keys to be read.
 *
 * Stored form: `<key id>:<iv base64url>:<ciphertext+tag base64url>`, e.g. `k1:Xq…:9f…`. The key id beside each value
 * says which key opens it; new values use the active key; `needsReseal` finds values written under an older one (a
 * rotation command re-encrypts them with `reseal`). `context` is authenticated data binding the value to its row and
 * column (e.g. `letter:<id>:nik`): a ciphertext copied onto another row or column does not open.
 */
import { base64url } from 'jose';
import { parseKeyring, type Keyring } from './keyring';

export interface DataKeyEnv {
  DATA_KEYS?: string;
  DATA_KEY_ACTIVE?: string;
}

/** The data keyring of the environment; throws KeyringError with a clear message when it is missing or malformed. */
export function dataKeys(env: DataKeyEnv): Keyring {
  return parseKeyring('DATA_KEYS', env.DATA_KEYS, env.DATA_KEY_ACTIVE);
}

const SEALED_RE = /^([a-z][a-z0-9]{0,15}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22,})$/;
const aesKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

function aesKey(bytes: Uint8Array): Promise<CryptoKey> {
  let key = aesKeys.get(bytes);
  if (!key) {
    key = crypto.subtle.importKey('raw', bytes as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
    aesKeys.set(bytes, key);
  }
  return key;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Encrypts `plain` under the active key, bound to `context`. */
export async function seal(keys: Keyring, plain: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(context) }, await aesKey(keys.bytes(keys.active)), utf8(plain));
  return `${keys.active}:${base64url.encode(iv)}:${base64url.encode(new Uint8Array(ct))}`;
}

/** The key id of a stored value, or null when it is not one. */
export function sealedKeyId(sealed: string): string | null {
  return SEALED_RE.exec(sealed)?.[1] ?? null;
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

/**
 * Decrypts a stored value with the key its id names. Throws KeyringError when that key is not configured, SealError
 * when the value is malformed, altered or bound to another context. Never returns a wrong plaintext.
 */
export async function open(keys: Keyring, sealed: string, context: string): Promise<string> {
  const m = SEALED_RE.exec(sealed);
  if (!m) throw new SealError('Nilai terenkripsi tidak dikenali.');
  const key = await aesKey(keys.bytes(m[1]!));
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64url.decode(m[2]!) as BufferSource, additionalData: utf8(context) },
      key,
      base64url.decode(m[3]!) as BufferSource,
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new SealError('Nilai terenkripsi rusak atau bukan milik data ini.');
  }
}

/** `open` for optional columns: null stays null. */
export async function openOptional(keys: Keyring, sealed: string | null, context: string): Promise<string | null> {
  return sealed === null ? null : open(keys, sealed, context);
}

/** True when the value was written under another key than the active one (a rotation re-encrypts it). */
export function needsReseal(keys: Keyring, sealed: string): boolean {
  const id = sealedKeyId(sealed);
  return id !== null && id !== keys.active;
}

/** Re-encrypts a stored value under the active key (same context). */
export async function reseal(keys: Keyring, sealed: string, context: string): Promise<string> {
  return seal(keys, await open(keys, sealed, context), context);
}
