/**
 * READ-ONLY compatibility for identity numbers written before the data key (src/lib/data-key.ts): 'v1.' +
 * base64url(iv ‖ ciphertext+tag), AES-GCM under a key derived (HKDF-SHA-256) from SESSION_SECRET, the registration
 * number as authenticated data. Nothing writes this format any more; the data-key rotation job (jobs.ts) re-seals
 * such values under the active data key, after which this module can be deleted.
 */
import { base64urlDecode } from '../../lib/encoding';

const derived = new Map<string, Promise<CryptoKey>>();

function legacyKey(secret: string): Promise<CryptoKey> {
  let key = derived.get(secret);
  if (!key) {
    key = (async () => {
      const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveKey']);
      return crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode('portal-kutim/ppid'), info: new TextEncoder().encode('identity-number-v1') },
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['decrypt'],
      );
    })();
    derived.set(secret, key);
  }
  return key;
}

export const isLegacyIdentity = (stored: string) => stored.startsWith('v1.');

/** Decrypts a legacy value (null when the value, the secret or the row binding does not match). */
export async function openLegacyIdentity(secret: string, stored: string, number: string): Promise<string | null> {
  if (!isLegacyIdentity(stored)) return null;
  try {
    const bytes = base64urlDecode(stored.slice(3));
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: new TextEncoder().encode(number) },
      await legacyKey(secret),
      bytes.slice(12),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
