import { officerPrefsDeletion } from '../../messaging/officer-notify';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberships, users, type Role } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { hashPassword, passwordProblem, verifyPassword } from '../../lib/password';
import { authorize } from '../../regions/guard';
import { levelOfCode } from '../../regions/codes';
import { auditInsert } from '../../audit/log';
import type { ActionContext } from '../../auth/actor';
import type { LoginDeps } from '../../auth/login';
import { clearAccountThrottle } from '../../auth/throttle';
import { findUserById } from './repo';

function assertPassword(password: string, context: string[]) {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError('validation', problem, { fieldErrors: [{ field: 'password', message: problem }] });
}

/** A membership must fit the region's level: operators of their level, Diskominfo only at the regency. */
export function membershipProblem(role: Role, regionCode: string): string | null {
  const level = levelOfCode(regionCode);
  if (role === 'diskominfo' && level !== 'kabupaten') return 'Peran Diskominfo hanya untuk tingkat kabupaten.';
  if (role === 'operator_kecamatan' && level !== 'kecamatan') return 'Operator kecamatan harus ditempatkan di sebuah kecamatan.';
  if (role === 'operator_desa' && level !== 'desa' && level !== 'kelurahan') return 'Operator desa harus ditempatkan di sebuah desa atau kelurahan.';
  return null;
}

export async function createUser(
  deps: LoginDeps,
  input: { username: string; name: string; email?: string; password: string; role: Role; region_code: string },
  ctx: ActionContext,
) {
  const { db } = deps;
  await authorize(db, ctx.actor, 'user.manage', input.region_code);
  const mp = membershipProblem(input.role, input.region_code);
  if (mp) throw new AppError('validation', mp, { fieldErrors: [{ field: 'role', message: mp }] });
  assertPassword(input.password, [input.username, ...input.name.split(/\s+/)]);
  const clash = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      sql`${users.username} = ${input.username} COLLATE NOCASE
        OR (${input.email ?? null} IS NOT NULL AND ${users.email} = ${input.email ?? null} COLLATE NOCASE)`,
    )
    .get();
  if (clash) {
    const field = clash.username.toLowerCase() === input.username ? 'username' : 'email';
    const message = field === 'username' ? 'Nama pengguna sudah dipakai.' : 'Email sudah dipakai akun lain.';
    throw new AppError('conflict', message, { fieldErrors: [{ field, message }] });
  }
  const id = newId(ctx.now);
  const passwordHash = await hashPassword(input.password, deps.iterations);
  await db.batch([
    db.insert(users).values({
      id,
      username: input.username,
      email: input.email ?? null,
      name: input.name,
      passwordHash,
      mustChangePassword: true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }),
    db
      .insert(memberships)
      .values({ id: newId(ctx.now), userId: id, role: input.role, regionCode: input.region_code, createdAt: ctx.now, createdBy: ctx.actor.id }),
    auditInsert(db, ctx, {
      action: 'user.create',
      regionCode: input.region_code,
      entityType: 'user',
      entityId: id,
      summary: `Akun ${input.username} dibuat sebagai ${input.role} di ${input.region_code}`,
      after: { username: input.username, name: input.name, role: input.role, region: input.region_code },
    }),
  ]);
  return id;
}

async function userOrNotFound(db: Db, id: string) {
  const user = await findUserById(db, id);
  if (!user) throw new AppError('not_found', 'Akun tidak ditemukan.');
  return user;
}

export async function addMembership(db: Db, userId: string, input: { role: Role; region_code: string }, ctx: ActionContext) {
  await authorize(db, ctx.actor, 'user.manage', input.region_code);
  const user = await userOrNotFound(db, userId);
  const mp = membershipProblem(input.role, input.region_code);
  if (mp) throw new AppError('validation', mp, { fieldErrors: [{ field: 'role', message: mp }] });
  await db.batch([
    db
      .insert(memberships)
      .values({ id: newId(ctx.now), userId, role: input.role, regionCode: input.region_code, createdAt: ctx.now, createdBy: ctx.actor.id })
      .onConflictDoNothing(),
    db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.now })
      .where(eq(users.id, userId)),
    auditInsert(db, ctx, {
      action: 'membership.add',
      regionCode: input.region_code,
      entityType: 'user',
      entityId: userId,
      summary: `Peran ${input.role} di ${input.region_code} diberikan kepada ${user.username}`,
      after: input,
    }),
  ]);
}

export async function removeMembership(db: Db, userId: string, membershipId: string, ctx: ActionContext) {
  const m = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId)))
    .get();
  if (!m) throw new AppError('not_found', 'Peran tidak ditemukan.');
  await authorize(db, ctx.actor, 'user.manage', m.regionCode);
  if (m.userId === ctx.actor.id && m.role === 'diskominfo') {
    throw new AppError('conflict', 'Anda tidak dapat mencabut peran Diskominfo milik sendiri.');
  }
  await db.batch([
    db.delete(memberships).where(eq(memberships.id, membershipId)),
    // Bump the session version: the user's open sessions end, so the revoked role stops working at once.
    db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.now })
      .where(eq(users.id, userId)),
    auditInsert(db, ctx, {
      action: 'membership.remove',
      regionCode: m.regionCode,
      entityType: 'user',
      entityId: userId,
      summary: `Peran ${m.role} di ${m.regionCode} dicabut`,
      before: { role: m.role, region: m.regionCode },
    }),
  ]);
}

export async function resetPassword(deps: LoginDeps, userId: string, password: string, ctx: ActionContext) {
  const { db } = deps;
  await authorize(db, ctx.actor, 'user.manage', diskominfoRegionOf(ctx));
  const user = await userOrNotFound(db, userId);
  assertPassword(password, [user.username, ...user.name.split(/\s+/)]);
  await db.batch([
    db
      .update(users)
      .set({
        passwordHash: await hashPassword(password, deps.iterations),
        mustChangePassword: true,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: ctx.now,
      })
      .where(eq(users.id, userId)),
    clearAccountThrottle(db, userId),
    auditInsert(db, ctx, { action: 'user.reset_password', entityType: 'user', entityId: userId, summary: `Kata sandi ${user.username} diatur ulang` }),
  ]);
}

export async function setUserActive(db: Db, userId: string, active: boolean, ctx: ActionContext) {
  await authorize(db, ctx.actor, 'user.manage', diskominfoRegionOf(ctx));
  const user = await userOrNotFound(db, userId);
  if (userId === ctx.actor.id && !active) throw new AppError('conflict', 'Anda tidak dapat menonaktifkan akun sendiri.');
  await db.batch([
    db
      .update(users)
      .set({ isActive: active, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.now })
      .where(eq(users.id, userId)),
    // A deactivated officer's own notification contact is personal data with no further use: deleted with it.
    ...(active ? [] : [officerPrefsDeletion(db, userId)]),
    auditInsert(db, ctx, {
      action: active ? 'user.activate' : 'user.deactivate',
      entityType: 'user',
      entityId: userId,
      summary: `Akun ${user.username} ${active ? 'diaktifkan' : 'dinonaktifkan'}`,
      before: { active: user.isActive },
      after: { active },
    }),
  ]);
}

export async function changeOwnPassword(deps: LoginDeps, userId: string, input: { current: string; password: string }, ctx: ActionContext) {
  const { db } = deps;
  const user = await userOrNotFound(db, userId);
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    throw new AppError('validation', 'Kata sandi saat ini salah.', { fieldErrors: [{ field: 'current', message: 'Kata sandi saat ini salah.' }] });
  }
  assertPassword(input.password, [user.username, ...user.name.split(/\s+/)]);
  const newVersion = user.sessionVersion + 1;
  await db.batch([
    db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password, deps.iterations), mustChangePassword: false, sessionVersion: newVersion, updatedAt: ctx.now })
      .where(eq(users.id, userId)),
    auditInsert(db, ctx, { action: 'user.change_password', entityType: 'user', entityId: userId, summary: 'Kata sandi sendiri diganti' }),
  ]);
  return { ...user, sessionVersion: newVersion };
}

/** Account-wide actions are authorised against the actor's own Diskominfo region (the regency). */
function diskominfoRegionOf(ctx: ActionContext): string {
  const m = ctx.actor.kind === 'user' ? ctx.actor.memberships.find((x) => x.role === 'diskominfo') : undefined;
  if (!m) throw new AppError('forbidden', 'Hanya Diskominfo yang dapat mengelola akun.');
  return m.regionCode;
}
