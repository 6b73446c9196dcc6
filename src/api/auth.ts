import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { partnerClients, partnerTokenRevocations } from '../db/schema';
import { REGENCY } from '../config';
import { AppError } from '../lib/errors';
import { verifyToken } from '../lib/jwt';
import type { PartnerPrincipal, PartnerScope } from './scopes';

/** A valid partner token: who holds it, and its claims (for introspection). */
export interface ActivePartnerToken {
  principal: PartnerPrincipal;
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

/**
 * The one check of a partner bearer token: signature (HS256 only), issuer, audience, expiry, the client still active
 * with the same token version, and the token not revoked (RFC 7009). Null for anything else.
 */
export async function activePartnerToken(deps: { db: Db; secret: string }, token: string): Promise<ActivePartnerToken | null> {
  const payload = await verifyToken(deps.secret, 'partner', token);
  if (!payload?.sub || !payload.jti || typeof payload.scope !== 'string') return null;
  const [row, revoked] = await Promise.all([
    deps.db
      .select({ isActive: partnerClients.isActive, tokenVersion: partnerClients.tokenVersion, name: partnerClients.name })
      .from(partnerClients)
      .where(eq(partnerClients.id, payload.sub))
      .get(),
    deps.db.select({ jti: partnerTokenRevocations.jti }).from(partnerTokenRevocations).where(eq(partnerTokenRevocations.jti, payload.jti)).get(),
  ]);
  if (!row || !row.isActive || row.tokenVersion !== payload.tv || revoked) return null;
  return {
    principal: { id: payload.sub, name: row.name, scopes: payload.scope.split(' ').filter(Boolean) as PartnerScope[] },
    jti: payload.jti,
    issuedAt: payload.iat ?? 0,
    expiresAt: payload.exp ?? 0,
  };
}

export async function authenticatePartner(deps: { db: Db; secret: string }, token: string): Promise<PartnerPrincipal | null> {
  return (await activePartnerToken(deps, token))?.principal ?? null;
}

function bearer(c: Context<AppEnv>): string | null | undefined {
  const h = c.req.header('Authorization');
  if (!h) return undefined;
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]{10,4096})$/i.exec(h.trim()); // the scheme is case-insensitive (RFC 6750, RFC 9110 §11.1)
  return m ? m[1]! : null;
}

const unauthorized = (detail: string) =>
  new AppError('unauthorized', detail, { headers: { 'WWW-Authenticate': `Bearer realm="${REGENCY.tokenIssuer}", error="invalid_token"` } });

/** Loads a partner from a bearer token when one is sent (invalid tokens are 401); absent tokens leave `partner` null. */
export function optionalPartner(): MiddlewareHandler<AppEnv> {
  return async function optionalPartnerMiddleware(c, next) {
    c.set('partner', null);
    const token = bearer(c);
    if (token === null) throw unauthorized('Header Authorization harus berbentuk "Bearer <token>".');
    if (token) {
      const principal = await authenticatePartner({ db: c.get('db'), secret: c.env.SESSION_SECRET }, token);
      if (!principal) throw unauthorized('Token tidak valid, kedaluwarsa, atau mitra sudah dicabut.');
      c.set('partner', principal);
    }
    await next();
  };
}

/** Requires a partner token carrying `scope`: 401 without a valid token, 403 without the scope. */
export function requireScope(scope: PartnerScope): MiddlewareHandler<AppEnv> {
  const load = optionalPartner();
  return async function requireScopeMiddleware(c, next) {
    await load(c, async () => {
      const partner = c.get('partner');
      if (!partner) throw unauthorized('Endpoint ini memerlukan token mitra (Authorization: Bearer).');
      if (!partner.scopes.includes(scope)) throw new AppError('forbidden', `Token tidak memiliki scope ${scope}.`);
      await next();
    });
  };
}
