import { lt } from 'drizzle-orm';
import { activePartnerToken } from '../../api/auth';
import type { Db } from '../../db/client';
import { partnerTokenRevocations } from '../../db/schema';
import { verifyToken } from '../../lib/jwt';
import type { PartnerClient } from './service';

/**
 * RFC 7009 revocation and RFC 7662 introspection of a partner's OWN access tokens. A token of another client, an
 * expired or malformed token is not an error (RFC 7009 §2.2): nothing is revoked, and introspection says inactive.
 */
export async function revokeToken(deps: { db: Db; secret: string }, client: PartnerClient, token: string, now: number): Promise<void> {
  const payload = await verifyToken(deps.secret, 'partner', token);
  if (!payload?.jti || payload.sub !== client.id || !payload.exp) return;
  await deps.db
    .insert(partnerTokenRevocations)
    .values({ jti: payload.jti, clientId: client.id, expiresAt: payload.exp * 1000, revokedAt: now })
    .onConflictDoNothing()
    .run();
}

export async function introspectToken(deps: { db: Db; secret: string }, client: PartnerClient, token: string, issuer: string) {
  const active = await activePartnerToken(deps, token);
  if (!active || active.principal.id !== client.id) return { active: false as const };
  return {
    active: true as const,
    scope: active.principal.scopes.join(' '),
    client_id: client.id,
    token_type: 'Bearer' as const,
    exp: active.expiresAt,
    iat: active.issuedAt,
    sub: client.id,
    iss: issuer,
    jti: active.jti,
  };
}

/** Revocations outlive their token by nothing: the daily job removes rows whose token has expired. */
export function pruneTokenRevocations(db: Db, now: number) {
  return db.delete(partnerTokenRevocations).where(lt(partnerTokenRevocations.expiresAt, now));
}
