import { and, asc, eq, gte, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  monitoringFlags,
  notifications,
  officerNotifications,
  officerNotifyPrefs,
  regions,
  users,
  type ManagementStage,
  type RegionLevel,
} from '../../db/schema';
import { portalName } from '../../config';
import { dataKeys } from '../../lib/data-key';
import { DAY_MS, formatDate, formatWeekdayDate, witaDateKey, witaParts } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { messagingConfig } from '../../messaging/config';
import {
  alreadySent,
  notifyOfficerOnce,
  OFFICER_MESSAGES_PER_RUN,
  optedInOfficers,
  type OfficerSendOutcome,
  type OfficerTarget,
} from '../../messaging/officer-notify';
import type { OutboxDeps } from '../../messaging/outbox';
import { concerns } from './audience';
import { buildDigest } from './digest';
import { stateLabel } from './labels';
import { loadRecipients, type Recipient } from './notify';
import type { Counts, JobContext } from './runs';

/**
 * Messages to officers where they are (issue 15), on the channel each chose at /admin/akun/notifikasi:
 *
 * - Daily digest (01:00 WITA, after the scans): one message per opted-in officer and WITA day with the open
 *   monitoring flags that concern them (audience.ts `concerns`, the same rule as their dashboard and in-app
 *   notifications: a village operator sees only its village and what escalated to it), and for Diskominfo the
 *   regency summary of the webhook digest. Officers not reached by the daily run (the per-run cap) are sent by the
 *   hourly run until DIGEST_LAST_HOUR WITA; an officer who opts in during that window gets the day's digest too.
 * - Urgent items: URGENT RULE = a deadline flag (complaints, PPID requests and objections, letters, tender updates:
 *   every registered deadline source) entering a state of the deadline scan's escalation — `mendekati` (≤ 1 working
 *   day left), `lewat` (past due), `lewat_lama` (long past due, escalated to Diskominfo). The hourly deadline scan
 *   already writes one in-app notification per concerned officer and (flag, state); each such notification of the
 *   last URGENT_LOOKBACK_MS is forwarded once to an officer who switched urgent items on. So each item is sent once
 *   per threshold, to the officers responsible for its region and role, never twice across runs.
 *
 * Both record (user, kind, item, day/state) in `officer_notifications` in the same batch as the outbox row
 * (src/messaging/officer-notify.ts); failed attempts are retried by the outbox's hourly job. At most
 * OFFICER_MESSAGES_PER_RUN messages per run (≤ 5 D1 queries each); the rest follow in the next hourly run.
 */
export const DIGEST_LAST_HOUR = 12;
export const URGENT_LOOKBACK_MS = DAY_MS;
const DIGEST_DEADLINE_LINES = 10;
const DIGEST_CONTENT_LINES = 5;

export interface DigestFlag {
  id: string;
  regionCode: string;
  audienceCode: string;
  kind: string;
  source: string | null;
  state: string;
  title: string;
  subjectAt: number | null;
  regionName: string;
  regionLevel: RegionLevel;
  stage: ManagementStage;
}

function outboxDeps(ctx: JobContext): OutboxDeps {
  return {
    db: ctx.db,
    keys: dataKeys(ctx.env),
    config: messagingConfig(ctx.env),
    fetch: ctx.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    now: ctx.now,
  };
}

const origin = (ctx: JobContext) => (ctx.env.APP_ORIGIN ?? '').replace(/\/+$/, '');

async function openFlags(db: Db): Promise<DigestFlag[]> {
  return db
    .select({
      id: monitoringFlags.id,
      regionCode: monitoringFlags.regionCode,
      audienceCode: monitoringFlags.audienceCode,
      kind: monitoringFlags.kind,
      source: monitoringFlags.source,
      state: monitoringFlags.state,
      title: monitoringFlags.title,
      subjectAt: monitoringFlags.subjectAt,
      regionName: regions.name,
      regionLevel: regions.level,
      stage: regions.stage,
    })
    .from(monitoringFlags)
    .innerJoin(regions, eq(regions.code, monitoringFlags.regionCode))
    .where(isNull(monitoringFlags.resolvedAt))
    .orderBy(
      sql`CASE ${monitoringFlags.state} WHEN 'lewat_lama' THEN 0 WHEN 'lewat' THEN 1 WHEN 'usang' THEN 2 WHEN 'mendekati' THEN 3 ELSE 4 END`,
      asc(monitoringFlags.subjectAt),
      asc(monitoringFlags.regionCode),
    )
    .all();
}

function flagLine(f: DigestFlag): string {
  const when = f.kind === 'tenggat' && f.subjectAt !== null ? ` · batas waktu ${formatWeekdayDate(f.subjectAt)}` : '';
  return `- ${f.title} — ${regionTitle({ level: f.regionLevel, name: f.regionName })} · ${stateLabel(f.state)}${when}`;
}

function section(title: string, items: DigestFlag[], max: number): string[] {
  if (items.length === 0) return [];
  const lines = [`${title}: ${items.length}`, ...items.slice(0, max).map(flagLine)];
  if (items.length > max) lines.push(`- … dan ${items.length - max} lainnya`);
  return lines;
}

/** The text of one officer's digest (pure): only flags that concern one of the officer's memberships. */
export function officerDigestText(
  memberships: readonly Recipient[],
  flags: readonly DigestFlag[],
  opts: { portal: string; now: number; origin: string; regencySummary?: string },
): { subject: string; text: string } {
  const mine = flags.filter((f) => memberships.some((m) => concerns(m, f, f.stage)));
  const deadlines = mine.filter((f) => f.kind === 'tenggat');
  const content = mine.filter((f) => f.kind !== 'tenggat');
  const lines = [
    ...section('Batas waktu yang perlu ditindaklanjuti', deadlines, DIGEST_DEADLINE_LINES),
    ...section('Konten wilayah yang perlu perhatian', content, DIGEST_CONTENT_LINES),
  ];
  if (lines.length === 0) lines.push('Tidak ada batas waktu atau kekurangan konten yang perlu Anda tindak lanjuti hari ini.');
  const isDiskominfo = memberships.some((m) => m.role === 'diskominfo');
  if (isDiskominfo && opts.regencySummary) lines.push('', `Seluruh kabupaten: ${opts.regencySummary}`);
  lines.push('', opts.origin ? `Buka ${opts.origin}/admin untuk menindaklanjuti.` : 'Buka halaman admin portal untuk menindaklanjuti.');
  lines.push('Atur atau hentikan pesan ini di Akun saya → Notifikasi.');
  return { subject: `Ringkasan harian ${opts.portal}, ${formatDate(opts.now)}`, text: lines.join('\n') };
}

function tally(counts: Counts, outcome: OfficerSendOutcome) {
  counts[outcome] = (counts[outcome] ?? 0) + 1;
}

/**
 * Sends today's digest to opted-in officers not yet sent it, at most `budget` of them. From the hourly run only
 * between 01:00 and DIGEST_LAST_HOUR WITA (the daily run is at 01:00).
 */
export async function sendOfficerDigests(ctx: JobContext, budget = OFFICER_MESSAGES_PER_RUN): Promise<Counts> {
  const { db, now } = ctx;
  const hour = witaParts(now).hour;
  if (hour < 1 || hour >= DIGEST_LAST_HOUR) return {};
  const day = witaDateKey(now);
  const officers = await optedInOfficers(db, 'ringkasan');
  if (officers.length === 0) return {};
  const sent = await alreadySent(db, 'ringkasan', day, now - 2 * DAY_MS);
  const waiting = officers.filter((o) => !sent.has(o.userId));
  const todo = waiting.slice(0, Math.max(0, budget));
  const counts: Counts = waiting.length > todo.length ? { ringkasan_tersisa: waiting.length - todo.length } : {};
  if (todo.length === 0) return counts;
  const [recipients, flags] = await Promise.all([loadRecipients(db), openFlags(db)]);
  const byUser = new Map<string, Recipient[]>();
  for (const r of recipients) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  const portal = portalName(ctx.env);
  const needsRegency = todo.some((o) => byUser.get(o.userId)?.some((m) => m.role === 'diskominfo'));
  const regencySummary = needsRegency ? (await buildDigest(db, now, portal, origin(ctx))).text : undefined;
  const deps = outboxDeps(ctx);
  for (const officer of todo) {
    const memberships = byUser.get(officer.userId) ?? [];
    if (memberships.length === 0) continue;
    const message = officerDigestText(memberships, flags, { portal, now, origin: origin(ctx), regencySummary });
    tally(counts, await notifyOfficerOnce(deps, officer, { kind: 'ringkasan', itemKey: 'ringkasan', ref: day, ...message }));
  }
  return counts;
}

/**
 * Forwards the in-app deadline notifications of the last URGENT_LOOKBACK_MS that were not yet sent to officers who
 * switched urgent items on (one query finds them: notifications ⋈ preferences, minus what officer_notifications
 * already recorded), at most `budget`, oldest first.
 */
export async function sendUrgentItems(ctx: JobContext, budget = OFFICER_MESSAGES_PER_RUN): Promise<Counts> {
  const { db, now } = ctx;
  if (budget <= 0) return {};
  const pending = await db
    .select({
      userId: notifications.userId,
      dedupeKey: notifications.dedupeKey,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      channelKind: officerNotifyPrefs.channelKind,
      contactSealed: officerNotifyPrefs.contactSealed,
    })
    .from(officerNotifyPrefs)
    .innerJoin(users, eq(users.id, officerNotifyPrefs.userId))
    .innerJoin(notifications, eq(notifications.userId, officerNotifyPrefs.userId))
    .leftJoin(
      officerNotifications,
      and(
        eq(officerNotifications.userId, notifications.userId),
        eq(officerNotifications.kind, 'mendesak'),
        eq(officerNotifications.itemKey, notifications.dedupeKey),
      ),
    )
    .where(
      and(
        eq(users.isActive, true),
        eq(officerNotifyPrefs.urgent, true),
        ne(officerNotifyPrefs.channelKind, 'none'),
        isNotNull(officerNotifyPrefs.contactSealed),
        eq(notifications.kind, 'tenggat'),
        gte(notifications.createdAt, now - URGENT_LOOKBACK_MS),
        isNull(officerNotifications.userId),
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(budget)
    .all();
  const counts: Counts = {};
  if (pending.length === 0) return counts;
  const deps = outboxDeps(ctx);
  const base = origin(ctx);
  for (const p of pending) {
    const target: OfficerTarget = { userId: p.userId, channelKind: p.channelKind, contactSealed: p.contactSealed! };
    const state = p.dedupeKey.split(':').pop() ?? '';
    const text = [p.title, p.body, base ? `Buka ${base}${p.href}` : `Buka ${p.href} di halaman admin portal.`].filter(Boolean).join('\n');
    tally(counts, await notifyOfficerOnce(deps, target, { kind: 'mendesak', itemKey: p.dedupeKey, ref: state, subject: `Mendesak: ${p.title}`, text }));
  }
  return counts;
}
