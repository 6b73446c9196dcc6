import { and, asc, eq, isNull, lte, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { messageOutbox, type MessageOutboxRow } from '../db/schema';
import { open, seal } from '../lib/data-key';
import { newId } from '../lib/ids';
import type { Keyring } from '../lib/keyring';
import { errorText, send, type Channel, type OutgoingMessage, type SendDeps } from './channels';

/**
 * The outbox: a message is stored first (recipient sealed), then sent; a failed attempt is recorded on the row and
 * retried by the hourly job with backoff (RETRY_BACKOFF_MS) up to MAX_ATTEMPTS, or given up at once when retrying
 * cannot help. The unique idempotency key means the same message is never queued, nor delivered, twice. Nothing
 * here throws to the caller: an action that triggered a message never fails because of it. Logs carry the row id,
 * purpose, channel kind, attempt count and error: never the recipient nor the text.
 */
export const MAX_ATTEMPTS = 8;
export const RETRY_BACKOFF_MS = [5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000] as const;
export const LEASE_MS = 2 * 60_000;
/** The authenticated context of every sealed recipient (src/messaging/reseal.ts re-seals under it). */
export const SEAL_CONTEXT = 'message_outbox.recipient';

export interface OutboxDeps extends SendDeps {
  db: Db;
  keys: Keyring;
  now: number;
}

export interface QueuedMessage {
  /** What the message is about, e.g. 'status.surat' (logs and the status page). */
  purpose: string;
  refId?: string;
  message: OutgoingMessage;
  channel: Channel;
}

function recipientOf(channel: Channel): string {
  switch (channel.kind) {
    case 'telegram':
      return channel.chatId;
    case 'email':
      return channel.to;
    case 'whatsapp':
      return channel.phone;
    case 'webhook':
      return channel.url;
  }
}

function channelOf(kind: MessageOutboxRow['channelKind'], recipient: string): Channel {
  switch (kind) {
    case 'telegram':
      return { kind, chatId: recipient };
    case 'email':
      return { kind, to: recipient };
    case 'whatsapp':
      return { kind, phone: recipient };
    case 'webhook':
      return { kind, url: recipient };
  }
}

function log(
  level: 'info' | 'warn' | 'error',
  msg: string,
  row: Pick<MessageOutboxRow, 'id' | 'purpose' | 'channelKind'>,
  extra: Record<string, unknown> = {},
) {
  const line = JSON.stringify({ level, msg, outboxId: row.id, purpose: row.purpose, channel: row.channelKind, ...extra });
  if (level === 'info') console.log(line);
  else if (level === 'warn') console.warn(line);
  else console.error(line);
}

/**
 * The insert that stores a message (ON CONFLICT DO NOTHING on the idempotency key), for a caller that writes it in
 * one `db.batch` with its own bookkeeping row; `changes` of that statement is 1 when it was queued now.
 */
export async function enqueueStatement(deps: Pick<OutboxDeps, 'db' | 'keys' | 'now'>, item: QueuedMessage) {
  const id = newId(deps.now);
  const statement = deps.db
    .insert(messageOutbox)
    .values({
      id,
      purpose: item.purpose,
      refId: item.refId ?? null,
      channelKind: item.channel.kind,
      recipientSealed: await seal(deps.keys, recipientOf(item.channel), SEAL_CONTEXT),
      subject: item.message.subject,
      bodyText: item.message.text,
      dataJson: item.message.data === undefined ? null : JSON.stringify(item.message.data),
      idempotencyKey: item.message.idempotencyKey,
      status: 'tertunda',
      attempts: 0,
      nextAttemptAt: deps.now,
      createdAt: deps.now,
      updatedAt: deps.now,
    })
    .onConflictDoNothing();
  return { id, statement };
}

/** Stores a message (once per idempotency key); returns the row id, or null when it was already queued or failed to store. */
export async function enqueue(deps: Pick<OutboxDeps, 'db' | 'keys' | 'now'>, item: QueuedMessage): Promise<string | null> {
  try {
    const { id, statement } = await enqueueStatement(deps, item);
    const res = await statement.run();
    return res.meta.changes ? id : null;
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', msg: 'message not queued', purpose: item.purpose, channel: item.channel.kind, error: errorText(err) }));
    return null;
  }
}

/** Queues a message and makes the first attempt now. Never throws. */
export async function dispatch(deps: OutboxDeps, item: QueuedMessage): Promise<void> {
  const id = await enqueue(deps, item);
  if (id) await deliverQueued(deps, id);
}

/** The first attempt for a message just queued (by id): its status after the attempt (null when none was made). Never throws. */
export async function deliverQueued(deps: OutboxDeps, id: string): Promise<MessageOutboxRow['status'] | null> {
  try {
    const row = await deps.db.select().from(messageOutbox).where(eq(messageOutbox.id, id)).get();
    return row ? await attempt(deps, row) : null;
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', msg: 'message attempt failed', outboxId: id, error: errorText(err) }));
    return null;
  }
}

/** The hourly retry: every due undelivered message gets one more attempt. */
export async function deliverDue(deps: OutboxDeps, limit = 50): Promise<Record<'terkirim' | 'tertunda' | 'gagal', number>> {
  const counts = { terkirim: 0, tertunda: 0, gagal: 0 };
  const due = await deps.db
    .select()
    .from(messageOutbox)
    .where(
      and(
        eq(messageOutbox.status, 'tertunda'),
        lte(messageOutbox.nextAttemptAt, deps.now),
        or(isNull(messageOutbox.leaseUntil), lt(messageOutbox.leaseUntil, Date.now())),
      ),
    )
    .orderBy(asc(messageOutbox.nextAttemptAt))
    .limit(limit)
    .all();
  for (const row of due) {
    const status = await attempt(deps, row);
    if (status) counts[status]++;
  }
  return counts;
}

export async function hasDueMessages(db: Db, now: number): Promise<boolean> {
  const row = await db
    .select({ id: messageOutbox.id })
    .from(messageOutbox)
    .where(and(eq(messageOutbox.status, 'tertunda'), lte(messageOutbox.nextAttemptAt, now)))
    .limit(1)
    .get();
  return row !== undefined;
}

async function attempt(deps: OutboxDeps, row: MessageOutboxRow): Promise<MessageOutboxRow['status'] | null> {
  const { db } = deps;
  try {
    const claimedAt = Date.now();
    const claim = await db
      .update(messageOutbox)
      .set({ leaseUntil: claimedAt + LEASE_MS })
      .where(
        and(eq(messageOutbox.id, row.id), eq(messageOutbox.status, 'tertunda'), or(isNull(messageOutbox.leaseUntil), lt(messageOutbox.leaseUntil, claimedAt))),
      )
      .run();
    if (!claim.meta.changes) return null;
    const recipient = await open(deps.keys, row.recipientSealed, SEAL_CONTEXT);
    const message: OutgoingMessage = {
      subject: row.subject,
      text: row.bodyText,
      idempotencyKey: row.idempotencyKey,
      data: row.dataJson === null ? undefined : JSON.parse(row.dataJson),
    };
    const result = await send(message, channelOf(row.channelKind, recipient), deps);
    const attempts = row.attempts + 1;
    const at = Date.now();
    const status = result.ok ? 'terkirim' : !result.retryable || attempts >= MAX_ATTEMPTS ? 'gagal' : 'tertunda';
    const backoff = RETRY_BACKOFF_MS[Math.min(attempts, RETRY_BACKOFF_MS.length) - 1] ?? 0;
    await db
      .update(messageOutbox)
      .set({
        status,
        attempts,
        lastStatus: result.status,
        lastError: result.ok ? null : result.error,
        nextAttemptAt: deps.now + backoff,
        leaseUntil: null,
        updatedAt: at,
        deliveredAt: result.ok ? at : null,
      })
      .where(eq(messageOutbox.id, row.id))
      .run();
    if (!result.ok)
      log(status === 'gagal' ? 'error' : 'warn', 'message not delivered', row, { attempts, status, httpStatus: result.status, error: result.error });
    return status;
  } catch (err) {
    log('error', 'message attempt failed', row, { error: errorText(err) });
    return null;
  }
}
