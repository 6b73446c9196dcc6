import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { base64urlEncode, hmacSha256 } from './encoding';
import { REGENCY, tokenAudience } from '../config';

/**
 * JWTs signed with HS256 (algorithm pinned on verify). Each use gets its own key derived from SESSION_SECRET and its
 * own audience, so a partner token can never pass as a session and vice versa.
 */
const ISSUER = REGENCY.tokenIssuer;
export type TokenUse = 'session' | 'partner';

const keyCache = new Map<string, Uint8Array>();

async function keyFor(secret: string, use: TokenUse | 'csrf' | 'form'): Promise<Uint8Array> {
  if (!secret || secret.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
  const cacheKey = `${use}:${secret}`;
  const hit = keyCache.get(cacheKey);
  if (hit) return hit;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${use}\u0000${secret}`)));
  keyCache.set(cacheKey, digest);
  return digest;
}

export async function signToken(secret: string, use: TokenUse, claims: JWTPayload & { sub: string; jti: string }, ttlSeconds: number): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(tokenAudience(use))
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(await keyFor(secret, use));
}

/** Verifies signature (HS256 only), issuer, audience and expiry; returns null on any failure. */
export async function verifyToken(secret: string, use: TokenUse, token: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, await keyFor(secret, use), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: tokenAudience(use),
      requiredClaims: ['sub', 'jti', 'exp', 'iat'],
    });
    return payload;
  } catch {
    return null;
  }
}

/** HMAC-SHA256 of a message with a purpose-derived key. */
export async function hmacBytes(secret: string, purpose: 'csrf' | 'form', message: string): Promise<Uint8Array> {
  return hmacSha256(await keyFor(secret, purpose), message);
}

/** HMAC-SHA256 of a message with a purpose-derived key, base64url. Used for CSRF and signed form tokens. */
export async function hmac(secret: string, purpose: 'csrf' | 'form', message: string): Promise<string> {
  return base64urlEncode(await hmacBytes(secret, purpose, message));
}
