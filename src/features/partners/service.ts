import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { partnerClients } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { randomString, randomToken } from '../../lib/ids';
import { signToken } from '../../lib/jwt';
import { hashPassword, verifyPassword } from '../../lib/password';
import { authorize } from '../../regions/guard';
import { SCOPE_NAMES } from '../../api/scopes';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';

export const TOKEN_TTL_SECONDS = 15 * 60;
export const ROTATION_GRACE_MS = 24 * 60 * 60_000;
/** Client secrets are random 32-byte tokens: a few PBKDF2 rounds suffice and keep the token endpoint fast. */
const SECRET_HASH_ITERATIONS = 10_000;

export interface PartnerDeps {
  db: Db;
  secret: string;
  rootRegion: string;
}

/** Same cost as a real secret hash, so an unknown client_id takes as long as a wrong secret. */
const DUMMY_CLIENT_HASH = `pbkdf2-sha256$${SECRET_HASH_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

const newSecret = () => `pks_${randomToken(32)}`;

export async function registerPartner(deps: PartnerDeps, input: { name: string; scopes: string[] }, ctx: ActionContext) {
  await authorize(deps.db, ctx.actor, 'partner.manage', deps.rootRegion);
  const id = `mitra_${randomString(16, 'abcdefghijkmnpqrstuvwxyz23456789')}`;
  const secret = newSecret();
  await deps.db.batch([
    deps.db.insert(partnerClients).values({
      id,
      name: input.name,
      scopes: [...new Set(input.scopes)].sort().join(' '),
      secretHash: await hashPassword(secret, SECRET_HASH_ITERATIONS),
      createdAt: ctx.now,
      createdBy: ctx.actor.id ?? 'system',
      updatedAt: ctx.now,
    }),
    auditInsert(deps.db, ctx, {
      action: 'partner.register',
      entityType: 'partner',
      entityId: id,
      summary: `Mitra ${input.name} didaftarkan (${input.scopes.join(' ')})`,
      after: { name: input.name, scopes: input.scopes },
    }),
  ]);
  return { clientId: id, clientSecret: secret };
}

async function clientOrNotFound(db: Db, id: string) {
  const row = await db.select().from(partnerClients).where(eq(partnerClients.id, id)).get();
  if (!row) throw new AppError('not_found', 'Mitra tidak ditemukan.');
  return row;
}

/** New secret shown once; the previous one keeps working for a grace period so the partner can switch without downtime. */
export async function rotateSecret(deps: PartnerDeps, id: string, ctx: ActionContext) {
  await authorize(deps.db, ctx.actor, 'partner.manage', deps.rootRegion);
  const row = await clientOrNotFound(deps.db, id);
  if (!row.isActive) throw new AppError('conflict', 'Mitra sudah dicabut; daftarkan ulang bila perlu.');
  const secret = newSecret();
  await deps.db.batch([
    deps.db
      .update(partnerClients)
      .set({
        secretHash: await hashPassword(secret, SECRET_HASH_ITERATIONS),
        previousSecretHash: row.secretHash,
        previousSecretExpiresAt: ctx.now + ROTATION_GRACE_MS,
        updatedAt: ctx.now,
      })
      .where(eq(partnerClients.id, id)),
    auditInsert(deps.db, ctx, { action: 'partner.rotate', entityType: 'partner', entityId: id, summary: `Secret mitra ${row.name} diganti` }),
  ]);
  return { clientId: id, clientSecret: secret };
}

/** Revokes the client at once: no new tokens, and every outstanding token stops working (token_version bump). */
export async function revokePartner(deps: PartnerDeps, id: string, ctx: ActionContext) {
  await authorize(deps.db, ctx.actor, 'partner.manage', deps.rootRegion);
  const row = await clientOrNotFound(deps.db, id);
  await deps.db.batch([
    deps.db
      .update(partnerClients)
      .set({
        isActive: false,
        previousSecretHash: null,
        previousSecretExpiresAt: null,
        tokenVersion: sql`${partnerClients.tokenVersion} + 1`,
        updatedAt: ctx.now,
      })
      .where(eq(partnerClients.id, id)),
    auditInsert(deps.db, ctx, { action: 'partner.revoke', entityType: 'partner', entityId: id, summary: `Mitra ${row.name} dicabut` }),
  ]);
}

export async function listPartners(db: Db) {
  return db.select().from(partnerClients).orderBy(asc(partnerClients.name)).all();
}

/** An authenticated client: the partner row whose current (or, during rotation, previous) secret matched. */
export type PartnerClient = typeof partnerClients.$inferSelect;

/**
 * Client authentication (RFC 6749 §2.3.1): the active partner whose secret matches, or null. An unknown client_id
 * costs as much as a wrong secret, so timing does not tell which client ids exist.
 */
export async function authenticateClient(db: Db, clientId: string, secret: string, now: number): Promise<PartnerClient | null> {
  const row = await db.select().from(partnerClients).where(eq(partnerClients.id, clientId)).get();
  const current = await verifyPassword(secret, row?.secretHash ?? DUMMY_CLIENT_HASH);
  const previous =
    !current && row?.previousSecretHash && (row.previousSecretExpiresAt ?? 0) > now ? await verifyPassword(secret, row.previousSecretHash) : false;
  return row && row.isActive && (current || previous) ? row : null;
}

/** The scopes a token may carry: all granted ones, or the requested subset; null when a requested scope is not granted. */
export function grantedScopes(client: PartnerClient, requested: string | undefined): string[] | null {
  // A scope withdrawn from the API since the partner was registered is simply no longer granted.
  const granted = client.scopes.split(' ').filter((s) => (SCOPE_NAMES as string[]).includes(s));
  const wanted = requested ? [...new Set(requested.split(' ').filter(Boolean))] : granted;
  return wanted.length && wanted.every((s) => granted.includes(s)) ? wanted : null;
}

/** Client-credentials grant (RFC 6749 §4.4): a short-lived JWT carrying the granted scopes. */
export async function issueToken(secret: string, client: PartnerClient, scopes: string[]) {
  const scope = scopes.join(' ');
  const token = await signToken(
    secret,
    'partner',
    { sub: client.id, jti: randomToken(12), scope, tv: client.tokenVersion, name: client.name },
    TOKEN_TTL_SECONDS,
  );
  return { access_token: token, token_type: 'Bearer' as const, expires_in: TOKEN_TTL_SECONDS, scope };
}
