import type { Context } from 'hono';
import { z } from 'zod';
import { clientIp } from '../../auth/request';
import { REGENCY } from '../../config';
import type { AppEnv } from '../../env';
import { recordFailure, tooManyFailures } from '../../lib/rate-limit';
import { authenticateClient, type PartnerClient } from './service';

/**
 * The request and error side of the OAuth endpoints (token, revocation, introspection): form parameters read once
 * each (RFC 6749 §3.2), client authentication by HTTP Basic or body — never both (§2.3) — and errors as RFC 6749 §5.2
 * JSON instead of the API's problem+json, because OAuth client libraries read `error`.
 */
export const OAUTH_ERRORS = ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'] as const;
export type OAuthErrorCode = (typeof OAUTH_ERRORS)[number];

export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
  get status(): 400 | 401 {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export const OAuthErrorJson = z
  .object({
    error: z.enum(OAUTH_ERRORS).describe('RFC 6749 §5.2 error code'),
    error_description: z.string().describe('What went wrong, in Indonesian'),
  })
  .meta({
    id: 'OAuthError',
    description: 'OAuth 2.0 error response (RFC 6749 §5.2)',
    example: { error: 'invalid_client', error_description: 'client_id atau client_secret salah.' },
  });

/** The §5.2 answer: JSON, never cached; 401 carries the Basic challenge (the client should authenticate that way). */
export function oauthErrorResponse(err: OAuthError): Response {
  const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  if (err.status === 401) headers.set('WWW-Authenticate', `Basic realm="${REGENCY.tokenIssuer}", charset="UTF-8"`);
  return new Response(JSON.stringify({ error: err.error, error_description: err.message }), { status: err.status, headers });
}

/** Token requests are small; anything larger is refused before parsing. */
const MAX_OAUTH_BODY = 8 * 1024;

async function paramsOf(req: Request): Promise<Record<string, string>> {
  const type = (req.headers.get('Content-Type') ?? '').toLowerCase();
  const bytes = await req.arrayBuffer();
  if (bytes.byteLength > MAX_OAUTH_BODY) throw new OAuthError('invalid_request', 'Permintaan terlalu besar.');
  const text = new TextDecoder().decode(bytes);
  const out: Record<string, string> = {};
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(text)) {
      if (name in out) throw new OAuthError('invalid_request', `Parameter ${name} dikirim lebih dari sekali.`);
      out[name] = value;
    }
  } else if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new OAuthError('invalid_request', 'Body JSON tidak valid.');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new OAuthError('invalid_request', 'Body JSON harus berupa objek.');
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value !== 'string') throw new OAuthError('invalid_request', `Parameter ${name} harus berupa teks.`);
      out[name] = value;
    }
  } else {
    throw new OAuthError('invalid_request', 'Kirim parameter sebagai application/x-www-form-urlencoded.');
  }
  // §3.1: a parameter sent without a value is treated as omitted.
  for (const [name, value] of Object.entries(out)) if (value === '') delete out[name];
  return out;
}

/** §2.3.1: Basic credentials are each form-urlencoded before base64. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header ?? '');
  if (!header || !/^Basic\s/i.test(header)) return null;
  const decodePart = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    const raw = atob(m?.[1] ?? '');
    const colon = raw.indexOf(':');
    if (colon < 1) throw new Error('no colon');
    return { id: decodePart(raw.slice(0, colon)), secret: decodePart(raw.slice(colon + 1)) };
  } catch {
    throw new OAuthError('invalid_client', 'Header Authorization Basic tidak valid.');
  }
}

export interface OAuthRequest {
  params: Record<string, string>;
  credentials: { id: string; secret: string };
}

/** Reads an OAuth endpoint request and the client's credentials (Basic or body, exactly one way). */
export async function readOAuthRequest(c: Context<AppEnv>): Promise<OAuthRequest> {
  const params = await paramsOf(c.req.raw);
  const basic = basicCredentials(c.req.header('Authorization'));
  const { client_id: bodyId, client_secret: bodySecret, ...rest } = params;
  if (basic) {
    if (bodySecret !== undefined) throw new OAuthError('invalid_request', 'Gunakan satu cara autentikasi klien saja: header Basic atau client_secret di body.');
    if (bodyId !== undefined && bodyId !== basic.id) throw new OAuthError('invalid_request', 'client_id di body berbeda dengan header Basic.');
    return { params: rest, credentials: basic };
  }
  if (bodyId === undefined || bodySecret === undefined) {
    throw new OAuthError('invalid_client', 'Autentikasi klien diperlukan: header Basic, atau client_id dan client_secret di body.');
  }
  if (bodyId.length > 64 || bodySecret.length > 200) throw new OAuthError('invalid_client', 'client_id atau client_secret salah.');
  return { params: rest, credentials: { id: bodyId, secret: bodySecret } };
}

/** Failed client authentication per IP address: after this many in the window, 429 until the window ends. */
export const FAILED_CLIENT_AUTH_LIMIT = { limit: 10, windowMs: 15 * 60_000 };

/** Authenticates the client; failures are counted per IP address and refused with 429 once too many. */
export async function authenticateOAuthClient(c: Context<AppEnv>, credentials: { id: string; secret: string }, now: number): Promise<PartnerClient> {
  const db = c.get('db');
  const key = `oauth-client-fail:${clientIp(c)}`;
  await tooManyFailures(db, key, FAILED_CLIENT_AUTH_LIMIT.limit, FAILED_CLIENT_AUTH_LIMIT.windowMs, now);
  const client = await authenticateClient(db, credentials.id, credentials.secret, now);
  if (client) return client;
  await recordFailure(db, key, FAILED_CLIENT_AUTH_LIMIT.windowMs, now);
  throw new OAuthError('invalid_client', 'client_id atau client_secret salah, atau mitra sudah dicabut.');
}
