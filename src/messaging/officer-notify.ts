import { and, eq, gte, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { officerNotifications, officerNotifyPrefs, users, type OfficerChannel } from '../db/schema';
import { open, seal } from '../lib/data-key';
import type { Keyring } from '../lib/keyring';
import type { Channel } from './channels';
import { deliverQueued, enqueueStatement, type OutboxDeps } from './outbox';

/**
 * Officers' own notification channel (issue 15): each officer chooses none, a Telegram chat id or an e-mail address
 * (`/admin/akun/notifikasi`), and whether they want the daily digest and urgent deadline items. The contact is sealed
 * with the personal-data key, bound to the user id (re-sealed on key rotation, src/messaging/reseal.ts), never logged
 * and shown only masked. Messages go through the outbox (src/messaging/outbox.ts: first attempt now, hourly retries);
 * `officer_notifications` (UNIQUE user, kind, item, day/state) is written in the same batch as the outbox row, so a
 * job that runs twice or retries never sends the same digest or urgent item twice.
 */

/** At most this many officer messages per job run: each costs ≤ 5 D1 queries, so a run stays far below 1,000. */
export const OFFICER_MESSAGES_PER_RUN = 100;

export type OfficerNotificationKind = 'ringkasan' | 'mendesak';

export const officerContactContext = (userId: string) => `officer_notify_prefs.contact:${userId}`;

export interface OfficerPrefs {
  channel: OfficerChannel;
  /** The chat id or e-mail address (plain, for the owner's own page and the sender only); null for 'none'. */
  contact: string | null;
  digest: boolean;
  urgent: boolean;
}

/** The officer's preferences, or null when never saved. A contact that cannot be opened (its key is gone) reads as none. */
export async function loadOfficerPrefs(db: Db, keys: Keyring, userId: string): Promise<OfficerPrefs | null> {
  const row = await db.select().from(officerNotifyPrefs).where(eq(officerNotifyPrefs.userId, userId)).get();
  if (!row) return null;
  let contact: string | null = null;
  if (row.contactSealed) {
    try {
      contact = await open(keys, row.contactSealed, officerContactContext(userId));
    } catch {
      contact = null;
    }
  }
  return { channel: contact === null ? 'none' : row.channelKind, contact, digest: row.digest, urgent: row.urgent };
}

/** The contact sealed for storage (null for 'none': no contact is kept at all). */
export async function sealOfficerContact(keys: Keyring, userId: string, prefs: OfficerPrefs): Promise<string | null> {
  return prefs.channel === 'none' || !prefs.contact ? null : seal(keys, prefs.contact, officerContactContext(userId));
}

/** The upsert of one officer's preferences (for a batch with its audit entry), with the contact from sealOfficerContact. */
export function officerPrefsStatement(db: Db, userId: string, prefs: OfficerPrefs, contactSealed: string | null, now: number) {
  const values = { channelKind: contactSealed ? prefs.channel : ('none' as const), contactSealed, digest: prefs.digest, urgent: prefs.urgent, updatedAt: now };
  return db
    .insert(officerNotifyPrefs)
    .values({ userId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: officerNotifyPrefs.userId, set: values });
}

/** Deletes an officer's preferences and contact (account deactivation). */
export function officerPrefsDeletion(db: Db, userId: string) {
  return db.delete(officerNotifyPrefs).where(eq(officerNotifyPrefs.userId, userId));
}

export function officerChannel(kind: OfficerChannel, contact: string): Channel | null {
  if (kind === 'telegram') return { kind, chatId: contact };
  if (kind === 'email') return { kind, to: contact };
  return null;
}

/** A contact as the owner's page shows it: enough to recognise, never the whole value. */
export function maskContact(kind: OfficerChannel, contact: string): string {
  if (kind === 'email') {
    const at = contact.lastIndexOf('@');
    if (at < 1) return '•••';
    const domain = contact.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    return `${contact[0]}•••@${domain[0] ?? ''}•••${dot > 0 ? domain.slice(dot) : ''}`;
  }
  return contact.length <= 4 ? '•••' : `•••${contact.slice(-4)}`;
}

export interface OfficerTarget {
  userId: string;
  channelKind: OfficerChannel;
  contactSealed: string;
}

/** Active officers with a channel and this kind switched on (one query). */
export async function optedInOfficers(db: Db, kind: OfficerNotificationKind): Promise<OfficerTarget[]> {
  const rows = await db
    .select({ userId: officerNotifyPrefs.userId, channelKind: officerNotifyPrefs.channelKind, contactSealed: officerNotifyPrefs.contactSealed })
    .from(officerNotifyPrefs)
    .innerJoin(users, eq(users.id, officerNotifyPrefs.userId))
    .where(
      and(
        eq(users.isActive, true),
        ne(officerNotifyPrefs.channelKind, 'none'),
        isNotNull(officerNotifyPrefs.contactSealed),
        kind === 'ringkasan' ? eq(officerNotifyPrefs.digest, true) : eq(officerNotifyPrefs.urgent, true),
      ),
    )
    .orderBy(officerNotifyPrefs.userId)
    .all();
  return rows.filter((r): r is OfficerTarget => r.contactSealed !== null);
}

/** Users already sent `kind` with this ref (e.g. today's digest), among rows created since `since` (one query). */
export async function alreadySent(db: Db, kind: OfficerNotificationKind, ref: string, since: number): Promise<Set<string>> {
  const rows = await db
    .select({ userId: officerNotifications.userId })
    .from(officerNotifications)
    .where(and(eq(officerNotifications.kind, kind), gte(officerNotifications.createdAt, since), eq(officerNotifications.ref, ref)))
    .all();
  return new Set(rows.map((r) => r.userId));
}

export interface OfficerMessage {
  kind: OfficerNotificationKind;
  /** 'ringkasan' for the digest; the item (flag) id for an urgent item. */
  itemKey: string;
  /** The WITA day of a digest; the state (threshold) of an urgent item. */
  ref: string;
  subject: string;
  text: string;
}

export type OfficerSendOutcome = 'terkirim' | 'tertunda' | 'gagal' | 'sudah' | 'galat';

/**
 * Records and queues one message to one officer, then makes its first attempt. 'sudah' when this (user, kind, item,
 * ref) was already recorded: nothing is queued nor sent. Never throws (errors are logged without the contact).
 */
export async function notifyOfficerOnce(deps: OutboxDeps, target: OfficerTarget, m: OfficerMessage): Promise<OfficerSendOutcome> {
  try {
    const contact = await open(deps.keys, target.contactSealed, officerContactContext(target.userId));
    const channel = officerChannel(target.channelKind, contact);
    if (!channel) return 'sudah';
    const { id, statement } = await enqueueStatement(deps, {
      purpose: `petugas.${m.kind}`,
      refId: m.itemKey,
      channel,
      message: { subject: m.subject, text: m.text, idempotencyKey: `petugas:${m.kind}:${target.userId}:${m.itemKey}:${m.ref}` },
    });
    const [recorded, queued] = await deps.db.batch([
      deps.db
        .insert(officerNotifications)
        .values({ userId: target.userId, kind: m.kind, itemKey: m.itemKey, ref: m.ref, outboxId: id, createdAt: deps.now })
        .onConflictDoNothing(),
      statement,
    ]);
    if (!recorded.meta.changes || !queued.meta.changes) return 'sudah';
    return (await deliverQueued(deps, id)) ?? 'tertunda';
  } catch (err) {
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'officer message not queued',
        kind: m.kind,
        userId: target.userId,
        error: err instanceof Error ? err.name : 'error',
      }),
    );
    return 'galat';
  }
}
