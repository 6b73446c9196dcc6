/**
 * Password hashing with PBKDF2-SHA256 through WebCrypto (Workers caps iterations at 100,000).
 * Format: `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>`; verification is constant-time.
 */
import { base64urlDecode, base64urlEncode } from './encoding';

const PREFIX = 'pbkdf2-sha256';
const HASH_BYTES = 32;
export const MAX_ITERATIONS = 100_000;
export const MIN_PASSWORD_LENGTH = 10;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BYTES * 8);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations: number): Promise<string> {
  const iter = Math.min(Math.max(1000, Math.floor(iterations)), MAX_ITERATIONS);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `${PREFIX}$${iter}$${base64urlEncode(salt)}$${base64urlEncode(await derive(password, salt, iter))}`;
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== PREFIX) return false;
  const iterations = Number(parts[1]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) return false;
  let salt: Uint8Array;
  let expected: Uint8Array;
  try {
    [salt, expected] = [base64urlDecode(parts[2]!), base64urlDecode(parts[3]!)];
  } catch {
    return false; // a corrupt stored hash never verifies
  }
  const actual = await derive(password, salt, iterations);
  return constantTimeEqual(actual, expected);
}

/**
 * A hash that never verifies, with the same iteration count as real accounts: an unknown login name costs the same
 * PBKDF2 work as a wrong password, so the answer's timing does not tell which accounts exist.
 */
export function dummyHash(iterations: number): string {
  const iter = Math.min(Math.max(1000, Math.floor(iterations)), MAX_ITERATIONS);
  return `${PREFIX}$${iter}$${base64urlEncode(new Uint8Array(16))}$${base64urlEncode(new Uint8Array(HASH_BYTES))}`;
}

const COMMON = new Set(
  [
    '123456',
    '1234567890',
    '12345678910',
    'password',
    'password1',
    'password123',
    'qwerty123',
    'qwertyuiop',
    '1q2w3e4r5t',
    'iloveyou',
    'admin123',
    'administrator',
    'welcome123',
    'abc1234567',
    '11111111111',
    '0000000000',
    'passw0rd123',
    'bismillah',
    'bismillah123',
    'indonesia',
    'indonesia123',
    'indonesia45',
    'sayangkamu',
    'rahasia123',
    'katasandi',
    'katasandi123',
    'kutaitimur',
    'kutaitimur123',
    'sangatta123',
    'kalimantan',
    'diskominfo',
    'diskominfo123',
    'desa123456',
    'kecamatan123',
    'alhamdulillah',
    'merdeka1945',
    'jakarta123',
    'samarinda123',
  ].map((s) => s.toLowerCase()),
);

/** Returns an Indonesian reason when the password is too weak, else null. */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`;
  if (password.length > 200) return 'Kata sandi terlalu panjang (maksimal 200 karakter).';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890|abcdefghij)/.test(lower)) {
    return 'Kata sandi terlalu umum dan mudah ditebak. Pilih kata sandi lain.';
  }
  if (context.some((c) => c.length >= 4 && lower.includes(c.toLowerCase()))) {
    return 'Kata sandi tidak boleh memuat nama pengguna atau nama Anda.';
  }
  return null;
}
