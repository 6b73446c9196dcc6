import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { regions } from './regions';

export const ROLES = ['diskominfo', 'operator_kecamatan', 'operator_desa', 'ppid', 'penanganan_pengaduan', 'pengelola_pengadaan'] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  email: text('email').unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  sessionVersion: integer('session_version').notNull().default(1),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  lastLoginAt: integer('last_login_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const memberships = sqliteTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [unique().on(t.userId, t.role, t.regionCode), index('memberships_region').on(t.regionCode, t.role)],
);

export const revokedSessions = sqliteTable('revoked_sessions', { jti: text('jti').primaryKey(), expiresAt: integer('expires_at').notNull() }, (t) => [
  index('revoked_sessions_expiry').on(t.expiresAt),
]);

export const loginAttempts = sqliteTable(
  'login_attempts',
  { id: integer('id').primaryKey({ autoIncrement: true }), key: text('key').notNull(), at: integer('at').notNull() },
  (t) => [index('login_attempts_key').on(t.key, t.at)],
);

export const stageHistory = sqliteTable(
  'stage_history',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage').notNull(),
    reason: text('reason').notNull(),
    actorId: text('actor_id').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('stage_history_region').on(t.regionCode, t.at)],
);

export const AUDIT_ACTOR_TYPES = ['user', 'partner', 'system', 'public'] as const;

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: integer('at').notNull(),
    actorType: text('actor_type', { enum: AUDIT_ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    regionCode: text('region_code'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    requestId: text('request_id'),
    summary: text('summary').notNull().default(''),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_actor').on(t.actorId, t.at),
    index('audit_log_region').on(t.regionCode, t.at),
    index('audit_log_action').on(t.action, t.at),
  ],
);

export const partnerClients = sqliteTable('partner_clients', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scopes: text('scopes').notNull(),
  secretHash: text('secret_hash').notNull(),
  previousSecretHash: text('previous_secret_hash'),
  previousSecretExpiresAt: integer('previous_secret_expires_at'),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  tokenVersion: integer('token_version').notNull().default(1),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type PartnerClientRow = typeof partnerClients.$inferSelect;
