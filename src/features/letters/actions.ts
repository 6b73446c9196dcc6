/**
 * One transition of a letter request, for any actor: the status machine decides, store.ts writes (timeline, guarded
 * update, numbering, extra statements such as the audit row — one batch), then the verification code is attached to
 * a freshly numbered letter and the status-change hook runs. No Hono, no raw SQL strings.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { letterRequests, regions, type LetterRequestRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { Keyring } from '../../lib/keyring';
import type { HolidayCalendar } from '../../lib/working-days';
import { prepareNumber } from './numbering';
import { findRequestById, settingsFor, templateVersion } from './repo';
import { transition, TransitionError, type LetterAction, type LetterStatusEvent, type MachineRole } from './status-machine';
import { changeStatements, commitChange, machineStateOf, numberingStatements, type EventActor, type Statement } from './store';
import { newVerifyCode } from './verify-code';

export interface LetterDeps {
  db: Db;
  files: R2Bucket;
  /** Personal-data keys (src/lib/data-key.ts). */
  dataKeys: Keyring;
  /** Verification-code keys (verify-code.ts). */
  verifyKeys: Keyring;
  /** Server secret for deriving private codes of submissions. */
  secret: string;
  calendar: () => Promise<HolidayCalendar>;
  /** purgeRegionPages for the region (its public service figures are cached). */
  purge: (regionCode: string) => Promise<unknown>;
  /** Hook for messages to the requester (deps.ts: log line and opt-in message). Failures are logged, never thrown. */
  statusChanged?: (event: LetterStatusEvent) => Promise<void>;
}

export interface ActionExtras {
  /** Columns written with the change (e.g. corrected fields, signatory, signed scan key). */
  patch?: Partial<typeof letterRequests.$inferInsert>;
  /** Statements after the change in the same batch (audit row, attachment rows). */
  statements?: (row: LetterRequestRow) => Statement[];
  /** Undo side effects outside D1 (R2 uploads) when the batch fails. */
  onFailure?: () => Promise<void>;
}

/** Attaches a verification code to a numbered letter that has none (idempotent; a lost race keeps the first). */
export async function ensureVerifyCode(deps: Pick<LetterDeps, 'db' | 'verifyKeys'>, row: LetterRequestRow): Promise<LetterRequestRow> {
  if (row.verifyNonce || !row.letterNumber || row.numberedAt === null) return row;
  const made = await newVerifyCode(deps.verifyKeys, { letterId: row.id, letterNumber: row.letterNumber, regionCode: row.regionCode, issuedAt: row.numberedAt });
  await deps.db
    .update(letterRequests)
    .set({ verifyKid: made.kid, verifyNonce: made.nonce })
    .where(and(eq(letterRequests.id, row.id), isNull(letterRequests.verifyNonce)));
  return (await findRequestById(deps.db, row.id)) ?? row;
}

const CLOSING = new Set(['selesai', 'ditolak', 'dibatalkan']);

export async function applyLetterAction(
  deps: LetterDeps,
  row: LetterRequestRow,
  action: LetterAction,
  role: MachineRole,
  actor: EventActor,
  now: number,
  extras: ActionExtras = {},
) {
  const { db } = deps;
  const cal = await deps.calendar();
  let result: ReturnType<typeof transition>;
  try {
    result = transition(machineStateOf(row), action, role, now, cal);
  } catch (err) {
    if (err instanceof TransitionError) throw new AppError('conflict', err.message);
    throw err;
  }
  const statements: Statement[] = [];
  let patch = { ...extras.patch };
  if (action.type === 'cabut') patch.revokeReason = action.reason.trim();
  if (action.type === 'beri_nomor') {
    const [template, region] = await Promise.all([templateVersion(db, row.templateId, row.templateVersion), regionOf(db, row.regionCode)]);
    if (!template || !region) throw new AppError('not_found', 'Jenis surat atau wilayah tidak ditemukan.');
    const settings = await settingsFor(db, region);
    const numbering = numberingStatements(
      db,
      row,
      prepareNumber(settings.numberPattern, { classification: template.classification, shortCode: settings.shortCode, issuedAt: now }),
      now,
    );
    statements.push(...numbering.before);
    patch = { ...patch, ...numbering.patch };
  }
  statements.push(...changeStatements(db, row, result.state, result.entry, actor, now, patch));
  if (extras.statements) statements.push(...extras.statements(row));
  try {
    await commitChange(db, statements);
  } catch (err) {
    if (extras.onFailure) await extras.onFailure();
    throw err;
  }
  let after = (await findRequestById(db, row.id)) ?? row;
  if (action.type === 'beri_nomor') after = await ensureVerifyCode(deps, after);
  if (result.entry.toStatus && result.entry.toStatus !== row.status) {
    if (CLOSING.has(result.entry.toStatus)) await deps.purge(row.regionCode);
    await notify(deps, {
      requestId: row.id,
      trackingNumber: row.trackingNumber,
      regionCode: row.regionCode,
      seq: row.version + 1,
      delivery: after.delivery,
      from: row.status,
      to: result.entry.toStatus,
      at: now,
    });
  }
  return { row: after, entry: result.entry };
}

/** Runs the status-change hook; a failing hook never undoes a committed change. */
export async function notify(deps: Pick<LetterDeps, 'statusChanged'>, event: LetterStatusEvent): Promise<void> {
  if (!deps.statusChanged) return;
  try {
    await deps.statusChanged(event);
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', msg: 'letter status hook failed', requestId: event.requestId, to: event.to, error: String(err) }));
  }
}

async function regionOf(db: Db, code: string) {
  return db.select({ code: regions.code, level: regions.level, name: regions.name }).from(regions).where(eq(regions.code, code)).get();
}
