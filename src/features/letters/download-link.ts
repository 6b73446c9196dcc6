/**
 * Short-lived signed links for a finished letter's files: the requester proves the private code in a POST, and gets
 * redirected to `…/layanan/unduh/<token>` — a link that names no code, expires after LINK_TTL_MS and opens one file
 * of one request. Token = base64url(requestId.kind.expiry).HMAC.
 */
import { base64url } from 'jose';
import { hmac } from '../../lib/jwt';

export const LINK_TTL_MS = 10 * 60_000;
export const LINK_KINDS = ['pdf', 'pindaian', 'cetak'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export async function signDownload(secret: string, requestId: string, kind: LinkKind, now: number): Promise<string> {
  const body = base64url.encode(`${requestId}.${kind}.${now + LINK_TTL_MS}`);
  return `${body}.${await hmac(secret, 'form', `letter-download:${body}`)}`;
}

/** The request id and kind of a valid, unexpired token; null otherwise (never throws). */
export async function openDownload(secret: string, token: string, now: number): Promise<{ requestId: string; kind: LinkKind } | null> {
  if (typeof token !== 'string' || token.length > 300) return null;
  const [body, mac] = token.split('.');
  if (!body || !mac) return null;
  const expected = await hmac(secret, 'form', `letter-download:${body}`);
  let diff = expected.length ^ mac.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (mac.charCodeAt(i) || 0);
  if (diff !== 0) return null;
  let text: string;
  try {
    text = new TextDecoder().decode(base64url.decode(body));
  } catch {
    return null;
  }
  const [requestId, kind, exp] = text.split('.');
  if (!requestId || !(LINK_KINDS as readonly string[]).includes(kind ?? '') || !(Number(exp) > now)) return null;
  return { requestId, kind: kind as LinkKind };
}
