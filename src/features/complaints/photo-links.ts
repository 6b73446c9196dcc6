/**
 * Links to a reporter's own photos without the private code in the URL: a short-lived signature over the attachment
 * id and an expiry (HMAC-SHA-256 with the session secret, domain-separated), made when the reporter's page is shown
 * after they sent their number and code by POST. A link copied from the page stops working after 15 minutes.
 */
import { base64urlEncode, hmacSha256 } from '../../lib/encoding';
import { regionHref } from '../../regions/paths';

const TTL_MS = 15 * 60_000;
const message = (id: string, exp: number) => `complaint-photo\n${id}\n${exp}`;

async function signature(secret: string, id: string, exp: number): Promise<string> {
  return base64urlEncode(await hmacSha256(secret, message(id, exp)));
}

export async function photoLinks(secret: string, regionPath: string, ids: string[], now: number): Promise<Record<string, string>> {
  const exp = now + TTL_MS;
  const out: Record<string, string> = {};
  for (const id of ids) out[id] = `${regionHref(regionPath, 'pengaduan', 'lacak', 'foto', id)}?t=${exp}.${await signature(secret, id, exp)}`;
  return out;
}

/** True when `token` (`{exp}.{signature}`) was made for this attachment and has not expired. */
export async function validPhotoToken(secret: string, id: string, token: string, now: number): Promise<boolean> {
  const m = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m?.[1] || !m[2]) return false;
  const exp = Number(m[1]);
  if (exp < now || exp > now + TTL_MS) return false;
  const expected = await signature(secret, id, exp);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ m[2].charCodeAt(i);
  return diff === 0;
}
