/**
 * Versioned secret keys read from the environment: a JSON object of key id → base64 (or base64url) of 32 random
 * bytes, plus the id of the key new data is written with, e.g.
 *
 *   DATA_KEYS = {"k1":"…44 characters…","k2":"…"}   DATA_KEY_ACTIVE = k2
 *
 * Old ids stay in the JSON for as long as any stored value still names them; a value written under an id that is no
 * longer present fails with a KeyringError that names the missing id (never silently). Used by the personal-data
 * encryption (`data-key.ts`) and by letter verification codes (their own secret, `VERIFY_KEYS`).
 */

/** A key id: short, lowercase, never a ':' (it is stored in front of ciphertexts and codes). */
export const KEY_ID_RE = /^[a-z][a-z0-9]{0,15}$/;
export const KEY_BYTES = 32;

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

export interface Keyring {
  /** Name of the secret, for messages ('DATA_KEYS'). */
  name: string;
  /** Id new values are written with. */
  active: string;
  /** Every id present. */
  ids: readonly string[];
  /** Raw key bytes of an id; throws KeyringError when the id is not configured. */
  bytes(id: string): Uint8Array;
}

function decodeBase64(text: string): Uint8Array | null {
  const b64 = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return null;
  try {
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

const parsed = new Map<string, Keyring>();

/**
 * Parses and checks a keyring (memoised per configuration). Throws KeyringError with a message naming the secret when
 * it is missing, not JSON, has a malformed id or a key that is not 32 bytes, or when the active id is not in it.
 */
export function parseKeyring(name: string, json: string | undefined, active: string | undefined): Keyring {
  const memoKey = `${name}\u0000${json ?? ''}\u0000${active ?? ''}`;
  const hit = parsed.get(memoKey);
  if (hit) return hit;
  if (!json || !json.trim()) throw new KeyringError(`${name} belum diatur: isi JSON {"k1":"<base64 32 byte>"} (lihat README, Konfigurasi).`);
  let obj: unknown;
  try {
    obj = JSON.parse(json);
  } catch {
    throw new KeyringError(`${name} bukan JSON yang valid.`);
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new KeyringError(`${name} harus berupa objek JSON {"id":"kunci"}.`);
  const keys = new Map<string, Uint8Array>();
  for (const [id, value] of Object.entries(obj as Record<string, unknown>)) {
    if (!KEY_ID_RE.test(id)) throw new KeyringError(`${name}: id kunci "${id.slice(0, 20)}" tidak valid (huruf kecil/angka, diawali huruf).`);
    const bytes = typeof value === 'string' ? decodeBase64(value) : null;
    if (!bytes || bytes.length !== KEY_BYTES) throw new KeyringError(`${name}: kunci "${id}" harus ${KEY_BYTES} byte acak dalam base64.`);
    keys.set(id, bytes);
  }
  const activeId = (active ?? '').trim();
  if (!activeId) throw new KeyringError(`${name}: id kunci aktif belum diatur.`);
  if (!keys.has(activeId)) throw new KeyringError(`${name}: kunci aktif "${activeId.slice(0, 20)}" tidak ada di daftar kunci.`);
  const ring: Keyring = {
    name,
    active: activeId,
    ids: [...keys.keys()],
    bytes(id) {
      const k = keys.get(id);
      if (!k) throw new KeyringError(`${name}: kunci "${id.slice(0, 20)}" tidak ada. Data ini ditulis dengan kunci itu; kembalikan kuncinya ke ${name}.`);
      return k;
    },
  };
  if (parsed.size > 32) parsed.clear();
  parsed.set(memoKey, ring);
  return ring;
}
