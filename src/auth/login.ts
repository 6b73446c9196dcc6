import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { AppError } from '../lib/errors';
import { DUMMY_HASH, verifyPassword } from '../lib/password';
import { auditInsert } from '../audit/log';
import type { ActionContext } from './actor';
import { clearFailures, findUserByLogin, pruneOldAttempts, pruneRevoked, recentFailures, recordFailures, revokeSession } from './repo';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export interface LoginDeps {
  db: Db;
  iterations: number;
}

/**
 * Checks credentials with throttling per account and per IP. Unknown accounts take the same time as wrong passwords.
 * Returns the user on success; throws 429 with a clear Indonesian message when throttled, 422 on bad credentials.
 */
export async function login(deps: LoginDeps, input: { login: string; password: string; ip: string }, ctx: ActionContext) {
  const { db } = deps;
  const accountKey = `user:${input.login.trim().toLowerCase()}`;
  const ipKey = `ip:${input.ip}`;
  const since = ctx.now - THROTTLE_WINDOW_MS;
  const failures = await recentFailures(db, [accountKey, ipKey], since);
  const throttled = (failures.get(accountKey) ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (failures.get(ipKey) ?? 0) >= MAX_FAILURES_PER_IP;
  if (throttled) {
    throw new AppError('rate_limited', 'Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi dalam 15 menit.', {
      headers: { 'Retry-After': String(THROTTLE_WINDOW_MS / 1000) },
    });
  }
  const user = await findUserByLogin(db, input.login);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.isActive) {
    await db.batch([recordFailures(db, [accountKey, ipKey], ctx.now), pruneOldAttempts(db, since - THROTTLE_WINDOW_MS)]);
    throw new AppError('validation', 'Nama pengguna atau kata sandi salah, atau akun tidak aktif.', {
      fieldErrors: [{ field: 'login', message: 'Nama pengguna atau kata sandi salah, atau akun tidak aktif.' }],
    });
  }
  await db.batch([
    clearFailures(db, accountKey),
    db.update(users).set({ lastLoginAt: ctx.now }).where(eq(users.id, user.id)),
    auditInsert(
      db,
      { ...ctx, actor: { kind: 'user', id: user.id, name: user.name, username: user.username, memberships: [] } },
      {
        action: 'session.login',
        entityType: 'user',
        entityId: user.id,
        summary: `Masuk: ${user.username}`,
      },
    ),
  ]);
  return user;
}

export async function logout(db: Db, session: { jti: string; exp: number }, ctx: ActionContext) {
  await db.batch([
    revokeSession(db, session.jti, session.exp * 1000),
    pruneRevoked(db, ctx.now),
    auditInsert(db, ctx, { action: 'session.logout', entityType: 'user', entityId: ctx.actor.id ?? undefined, summary: 'Keluar' }),
  ]);
}
