/**
 * Status messages to citizens who opted in (issue 15, "Notifications where people are"; issue 16, a message when a
 * letter is ready). The shared plumbing only: which channels the portal can offer, the opt-in fields and their
 * checks, storing the contact sealed, and queueing ONE message per status change through the outbox. Which statuses
 * notify and what the text says is each feature's own rule (its citizen-notice.ts); features hand a ready notice here.
 *
 * Privacy: the contact is given for this purpose only, sealed with the personal-data key and bound to its row; it is
 * never shown to officers (also not for anonymous complaints), never logged, and deleted once the final status
 * message is queued (the outbox keeps its own sealed copy until delivery). A notice carries the tracking number, the
 * status and the tracking page: never the private code, NIK or officers' internal notes.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { REGENCY } from '../config';
import type { Db } from '../db/client';
import { CITIZEN_CHANNELS, type CITIZEN_NOTICE_KINDS, citizenSubscriptions, messageOutbox } from '../db/schema';
import { open, seal } from '../lib/data-key';
import type { FieldError } from '../lib/errors';
import type { Keyring } from '../lib/keyring';
import { fieldErrorsOf } from '../lib/validation';
import { type Channel, errorText } from './channels';
import type { MessagingConfig } from './config';
import { deliverQueued, enqueue, type OutboxDeps } from './outbox';

export type CitizenChannel = (typeof CITIZEN_CHANNELS)[number];
export type NoticeKind = (typeof CITIZEN_NOTICE_KINDS)[number];

/** What the citizen chose: a channel and the contact on it (phone already in 62… form). */
export interface NotifyChoice {
  channel: CitizenChannel;
  contact: string;
}

/** The channels this portal can really deliver on (their secrets are set), WhatsApp first: villagers use it. */
export function offeredChannels(config: MessagingConfig): CitizenChannel[] {
  return CITIZEN_CHANNELS.filter((k) => (k === 'whatsapp' ? config.whatsapp !== null : config.email !== null));
}

export const CHANNEL_LABELS: Record<CitizenChannel, string> = { whatsapp: 'WhatsApp', email: 'E-mail' };

const PHONE_MESSAGE = 'Nomor WhatsApp tidak valid, mis. 0812 3456 7890.';

/** An Indonesian mobile number in 62… form (08…, +628… and 628… accepted; spaces, dots and dashes ignored). */
export const WhatsAppNumber = z
  .string({ message: 'Isi nomor WhatsApp.' })
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'Isi nomor WhatsApp.')
      .regex(/^(\+62|62|0)8\d{7,12}$/, PHONE_MESSAGE),
  )
  .transform((v) => `62${v.replace(/^(\+62|62|0)/, '')}`);

export const NotifyEmail = z
  .string({ message: 'Isi alamat e-mail.' })
  .trim()
  .min(1, 'Isi alamat e-mail.')
  .max(200, 'Alamat e-mail terlalu panjang.')
  .pipe(z.email('Alamat e-mail tidak valid, mis. nama@contoh.id.'));

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const ON = new Set(['1', 'ya', 'on', 'true']);

/**
 * The opt-in fields of a citizen form: `notify` (checkbox), `notify_channel`, `notify_contact`. Unchecked means no
 * contact is stored, whatever else was typed. Errors name the field (`notify_channel`, `notify_contact`).
 */
export function readOptIn(
  values: Record<string, unknown>,
  offered: readonly CitizenChannel[],
): { ok: true; choice: NotifyChoice | null } | { ok: false; errors: FieldError[] } {
  if (!ON.has(String(first(values.notify) ?? ''))) return { ok: true, choice: null };
  const schema = z
    .object({
      notify_channel: z.enum(offered.length ? (offered as [CitizenChannel, ...CitizenChannel[]]) : ['-'], {
        message: offered.length ? 'Pilih lewat apa Anda ingin dikabari.' : 'Pemberitahuan belum tersedia di portal ini. Pantau status di halaman lacak.',
      }),
      notify_contact: z.string().optional(),
    })
    .transform((v, ctx): NotifyChoice => {
      const channel = v.notify_channel as CitizenChannel;
      const parsed = (channel === 'whatsapp' ? WhatsAppNumber : NotifyEmail).safeParse(v.notify_contact ?? '');
      if (parsed.success) return { channel, contact: parsed.data };
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['notify_contact'], message: issue.message });
      return z.NEVER;
    });
  const only = offered.length === 1 ? offered[0] : undefined;
  const parsed = schema.safeParse({ notify_channel: first(values.notify_channel) ?? only, notify_contact: first(values.notify_contact) });
  return parsed.success ? { ok: true, choice: parsed.data } : { ok: false, errors: fieldErrorsOf(parsed.error) };
}

/** The JSON API's opt-in: `notify: { channel, contact }` (optional), checked like the form by `checkApiOptIn`. */
export const NotifyApiField = z
  .object({
    channel: z.enum(CITIZEN_CHANNELS, { message: 'Pilih whatsapp atau email.' }).describe('whatsapp | email (only channels this portal has configured)'),
    contact: z
      .string({ message: 'Isi nomor WhatsApp atau alamat e-mail.' })
      .max(200, 'Kontak terlalu panjang.')
      .describe('Phone (08…, 62…) or e-mail; stored encrypted'),
  })
  .optional()
  .describe('Opt-in to one message per status change (tracking number, status and tracking URL only)');

/** The API's opt-in as a choice, with the form's checks; errors name `notify.channel` / `notify.contact`. */
export function checkApiOptIn(notify: z.output<typeof NotifyApiField>, offered: readonly CitizenChannel[]) {
  if (!notify) return { ok: true as const, choice: null };
  const res = readOptIn({ notify: '1', notify_channel: notify.channel, notify_contact: notify.contact }, offered);
  if (res.ok) return res;
  return { ok: false as const, errors: res.errors.map((e) => ({ ...e, field: e.field.replace('notify_', 'notify.') })) };
}

/** The context a contact is sealed under: bound to its record (src/messaging/reseal.ts re-seals under it). */
export const sealContext = (kind: NoticeKind, refId: string) => `citizen_subscriptions:${kind}:${refId}`;

/** An opt-in ready to store: the contact sealed, bound to its record. */
export async function sealSubscription(keys: Keyring, kind: NoticeKind, refId: string, choice: NotifyChoice, now: number) {
  const contactSealed = await seal(keys, choice.contact, sealContext(kind, refId));
  return { refKind: kind, refId, channelKind: choice.channel, contactSealed, createdAt: now };
}

/** The insert of a sealed opt-in, to run in the same batch as the record it belongs to (not awaited on its own). */
export function subscriptionInsert(db: Db, sealed: Awaited<ReturnType<typeof sealSubscription>>) {
  return db.insert(citizenSubscriptions).values(sealed).onConflictDoNothing();
}

/** The outbox purpose of every message to a citizen about one of their records of this kind. */
export const noticePurpose = (kind: NoticeKind) => `status.${kind}`;

/**
 * Erasure of these records' identities (src/features/personal-data.ts) also forgets their opt-ins and every queued
 * or sent status message about them (recipient and text): statements to run in its batch, and how many messages go
 * (for its audit entry).
 */
export async function citizenMessagesErasure(db: Db, kind: NoticeKind, refIds: string[]) {
  const about = and(eq(messageOutbox.purpose, noticePurpose(kind)), inArray(messageOutbox.refId, refIds));
  const counted = await db.select({ n: count() }).from(messageOutbox).where(about).get();
  return {
    statements: [
      db.delete(citizenSubscriptions).where(and(eq(citizenSubscriptions.refKind, kind), inArray(citizenSubscriptions.refId, refIds))),
      db.delete(messageOutbox).where(about),
    ] as const,
    messages: counted?.n ?? 0,
  };
}

/** A feature's message for one status change. */
export interface CitizenNotice {
  subject: string;
  text: string;
}

/** A feature's rule applied to one change: the message (or none) and whether the record is closed (contact deleted). */
export interface NoticeDecision {
  notice: CitizenNotice | null;
  final: boolean;
}

/** The common body: one sentence, the tracking number and the tracking page, and who sends it. */
export function noticeText(sentence: string, number: string, trackUrl: string): string {
  return `${sentence}\nNomor: ${number}\nLihat status: ${trackUrl}\n\nPesan otomatis ${REGENCY.portalName}. Jangan kirim kode pribadi Anda kepada siapa pun.`;
}

export interface CitizenNoticeDeps extends Omit<OutboxDeps, 'now'> {
  now: number;
  /** Runs the first delivery attempt after the response (ctx.waitUntil); without it the attempt is awaited. */
  defer?: (work: Promise<unknown>) => void;
}

/** One status change: the record, the new status and the id of the change (its timeline entry). */
export interface StatusChange {
  kind: NoticeKind;
  refId: string;
  status: string;
  changeId: string;
}

const CHANNEL_OF = (kind: CitizenChannel, contact: string): Channel => (kind === 'whatsapp' ? { kind, phone: contact } : { kind, to: contact });

/**
 * Queues the notice for a change when the citizen opted in: one message per change (idempotency key from the record,
 * the new status and the change id), then a first attempt; a closing change deletes the contact. Never throws: the officer's action already succeeded.
 */
export async function notifyCitizen(deps: CitizenNoticeDeps, change: StatusChange, decision: NoticeDecision): Promise<void> {
  const { notice, final } = decision;
  try {
    const where = and(eq(citizenSubscriptions.refKind, change.kind), eq(citizenSubscriptions.refId, change.refId));
    if (!notice) {
      if (final) await deps.db.delete(citizenSubscriptions).where(where).run();
      return;
    }
    const sub = await deps.db.select().from(citizenSubscriptions).where(where).get();
    if (!sub) return;
    const contact = await open(deps.keys, sub.contactSealed, sealContext(change.kind, change.refId));
    const id = await enqueue(deps, {
      purpose: noticePurpose(change.kind),
      refId: change.refId,
      channel: CHANNEL_OF(sub.channelKind, contact),
      message: { subject: notice.subject, text: notice.text, idempotencyKey: `warga:${change.kind}:${change.refId}:${change.status}:${change.changeId}` },
    });
    if (final && id) await deps.db.delete(citizenSubscriptions).where(where).run();
    if (!id) return;
    const attempt = deliverQueued(deps, id);
    if (deps.defer) deps.defer(attempt);
    else await attempt;
  } catch (err) {
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'citizen notice not queued',
        kind: change.kind,
        refId: change.refId,
        status: change.status,
        error: errorText(err),
      }),
    );
  }
}
