/** Byte encodings and digests: one place each. base64url is jose's (already a dependency for the JWTs). */
import { base64url } from 'jose';

/** Unpadded base64url; a string is encoded as UTF-8 first. */
export function base64urlEncode(data: Uint8Array | string): string {
  return base64url.encode(data);
}

/** Bytes of base64url text (padding optional). @throws TypeError when the text is not base64url. */
export function base64urlDecode(text: string): Uint8Array {
  return base64url.decode(text);
}

/** UTF-8 text of base64url text, or null when it is not base64url or not UTF-8. */
export function base64urlDecodeText(text: string): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(base64urlDecode(text));
  } catch {
    return null;
  }
}

/** Lowercase hex of the bytes. */
export function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

type Digestible = string | ArrayBuffer | Uint8Array;
// Cast: TS types Uint8Array over ArrayBufferLike (incl. SharedArrayBuffer), which Workers never hand us.
const bytesOf = (data: Digestible): BufferSource => (typeof data === 'string' ? new TextEncoder().encode(data) : (data as BufferSource));

/** Lowercase hex digest (WebCrypto) of bytes, or of a string's UTF-8 bytes. */
export async function digestHex(algorithm: 'SHA-1' | 'SHA-256', data: Digestible): Promise<string> {
  return hex(await crypto.subtle.digest(algorithm, bytesOf(data)));
}

/** Lowercase hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
export function sha256Hex(data: Digestible): Promise<string> {
  return digestHex('SHA-256', data);
}

/** HMAC-SHA-256 of a message (UTF-8) under a key (a string's UTF-8 bytes, or raw bytes). */
export async function hmacSha256(key: string | Uint8Array, message: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', bytesOf(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(message)));
}
