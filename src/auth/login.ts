import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { AppError } from '../lib/errors';
import { dummyHash, verifyPassword } from '../lib/password';
import { auditInsert } from '../audit/log';
import type { ActionContext } from './actor';
import { findUserByLogin, pruneRevoked, revokeSession } from './repo';
import { accountOf, attemptSucceeded, claimAttempt, clientKey, pairKey, waitInWords } from './throttle';

export interface LoginDeps {
  db: Db;
  iterations: number;
}

const BAD_CREDENTIALS = 'Nama pengguna atau kata sandi salah, atau akun tidak aktif.';

/**
 * Checks credentials behind the login throttle (src/auth/throttle.ts). Unknown accounts cost the same PBKDF2 work as
 * real ones. Returns the user on success; throws 429 with the wait in Indonesian when throttled, 422 on bad credentials.
 */
export async function login(deps: LoginDeps, input: { login: string; password: string; ip: string }, ctx: ActionContext) {
  const { db } = deps;
  const user = await findUserByLogin(db, input.login);
  const pair = pairKey(accountOf(user, input.login), input.ip);
  const client = clientKey(input.ip);
  const attempt = await claimAttempt(db, pair, client, ctx.now);
  if (!attempt.allowed) {
    throw new AppError(
      'rate_limited',
      `Terlalu banyak percobaan masuk yang gagal dari perangkat ini. Demi keamanan, tunggu ${waitInWords(attempt.retryAfter)} lalu coba lagi.`,
      { headers: { 'Retry-After': String(attempt.retryAfter) } },
    );
  }
  const ok = await verifyPassword(input.password, user?.passwordHash ?? dummyHash(deps.iterations));
  if (!user || !ok || !user.isActive) {
    throw new AppError('validation', BAD_CREDENTIALS, { fieldErrors: [{ field: 'login', message: BAD_CREDENTIALS }] });
  }
  await db.batch([
    ...attemptSucceeded(db, pair, client),
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
