/**
 * Citizen side of complaints: filing (exactly once), reporter access with the private code, and reporter actions.
 * No Hono, no raw SQL: repo.ts and store.ts do the storage, status-machine.ts decides, present.ts shapes output.
 */
import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { complaintAttachments, complaintRatings, complaints, type ComplaintRow } from '../../db/schema';
import { AppError, type FieldError } from '../../lib/errors';
import { requestHash, submitOnce } from '../../lib/idempotency';
import { newId, randomToken } from '../../lib/ids';
import type { Keyring } from '../../lib/keyring';
import { rateLimit } from '../../lib/rate-limit';
import { type NotifyChoice, sealSubscription, subscriptionInsert } from '../../messaging/citizen-notice';
import type { HolidayCalendar } from '../../lib/working-days';
import { findRegionByCode } from '../../regions/repo';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import type { ComplaintStatusEvent } from './citizen-notice';
import { changesPublicOutput, type ComplaintBundle } from './present';
import { findCategory, findComplaintByTicket, loadRelated, regionLabels } from './repo';
import type { ComplaintInput } from './schemas';
import { initialState, transition, TransitionError, type ComplaintAction, type MachineRole } from './status-machine';
import { changeStatements, commitChange, eventInsert, isUniqueViolation, machineStateOf, type EventActor } from './store';
import { codeMatches, deriveCode, hashCode, newTicket } from './ticket';
import { storePhotos, type PhotoUpload, type StoredPhoto } from './uploads';

export interface ComplaintDeps {
  db: Db;
  files: R2Bucket;
  /** Server secret for deriving private codes (SESSION_SECRET). */
  secret: string;
  /** purgeRegionPages for the report's region (public list and figures are KV-cached). */
  purge: (regionCode: string) => Promise<unknown>;
  /** After a committed status change: the reporter's opt-in message (citizen-notice.ts). Failures never undo the change. */
  statusChanged?: (event: ComplaintStatusEvent) => Promise<void>;
  /** Personal-data keys, to seal a reporter's opt-in contact. */
  dataKeys?: Keyring;
}

export const IDEMPOTENCY_SCOPE = 'complaint';
export const REPORTER_ACTOR: EventActor = { type: 'pelapor', id: null, label: 'Pelapor', name: null };
/** Rate limits (per client IP): new reports, reporter actions, requests carrying a private code. */
export const SUBMIT_LIMIT = { limit: 10, windowMs: 10 * 60_000 };
export const REPORTER_LIMIT = { limit: 30, windowMs: 10 * 60_000 };
export const CODE_LIMIT = { limit: 120, windowMs: 15 * 60_000 };

export async function loadBundle(db: Db, complaint: ComplaintRow): Promise<ComplaintBundle> {
  const [related, category] = await Promise.all([loadRelated(db, complaint.id), findCategory(db, complaint.categoryId)]);
  const codes = [complaint.regionCode, complaint.originRegionCode, ...related.events.map((e) => e.targetRegionCode ?? '')];
  const labels = await regionLabels(db, codes);
  return { complaint, ...related, categoryName: category?.name ?? complaint.categoryId, regions: new Map(labels.map((r) => [r.code, r])) };
}

function attachmentRows(db: Db, complaint: { id: string; originRegionCode: string }, seq: number, stored: StoredPhoto[], now: number) {
  return stored.map((s) =>
    db.insert(complaintAttachments).values({
      id: s.id,
      complaintId: complaint.id,
      regionCode: complaint.originRegionCode,
      eventSeq: seq,
      r2Key: s.key,
      mime: s.mime,
      size: s.bytes.length,
      width: s.width,
      height: s.height,
      sha256: s.sha256,
      media: s.media,
      createdAt: now,
    }),
  );
}

/** A report that arrived through another channel (SP4N-LAPOR): who recorded it, and rows to write in the same batch. */
export interface Intake {
  channel: 'sp4n_lapor';
  actor: EventActor;
  statements: (complaint: { id: string; ticket: string; regionCode: string }) => BatchItem<'sqlite'>[];
}

export interface SubmitResult {
  ticket: string;
  code: string;
  created: boolean;
  complaint: ComplaintRow;
}

/**
 * Files a report exactly once per idempotency key: the key row, the report, its first timeline entry and its
 * photo rows are one atomic batch. A replay (same key, same content) answers with the same ticket and the same
 * private code; the same key with other content is a 409 — unless `keyWithContent` (HTML forms: a form edited after
 * going back and sent again is a new report). A (rare) ticket collision is retried with a new number.
 */
export async function submitComplaint(
  deps: ComplaintDeps,
  input: ComplaintInput,
  photos: PhotoUpload[],
  opts: { key?: string; keyWithContent?: boolean; now: number; notify?: NotifyChoice | null; intake?: Intake },
): Promise<SubmitResult> {
  const { db } = deps;
  const [region, category, cal] = await Promise.all([findRegionByCode(db, input.region_code), findCategory(db, input.category), loadHolidayCalendar(db)]);
  const errors: FieldError[] = [];
  if (!region) errors.push({ field: 'region_code', message: 'Pilih desa, kelurahan atau kecamatan yang ada.' });
  if (!category || !category.isActive) errors.push({ field: 'category', message: 'Pilih kategori.' });
  if (!region || errors.length) throw new AppError('validation', 'Periksa kembali isian yang ditandai.', { fieldErrors: errors });

  const hash = await requestHash({ ...input, photos: photos.map((p) => p.sha256), notify: opts.notify ?? null });
  if (opts.notify && !deps.dataKeys) throw new Error('complaint opt-in needs the data keys');
  const base = opts.key ?? randomToken(18);
  const key = opts.keyWithContent ? `${base}-${hash.slice(0, 32)}` : base;
  const code = await deriveCode(deps.secret, IDEMPOTENCY_SCOPE, key, hash);
  const now = opts.now;
  const state = initialState(region.code, now, cal);

  for (let attempt = 0; ; attempt++) {
    const held: { cleanup?: () => Promise<void> } = {};
    try {
      const res = await submitOnce({
        db,
        scope: IDEMPOTENCY_SCOPE,
        key,
        hash,
        now,
        build: async () => {
          const id = newId(now);
          const ticket = newTicket();
          const { stored, cleanup } = await storePhotos(deps.files, id, photos, now);
          held.cleanup = cleanup;
          const anon = input.anonymous;
          const keepContact = !anon || input.contact_me;
          const subscription = opts.notify && deps.dataKeys ? await sealSubscription(deps.dataKeys, 'aduan', id, opts.notify, now) : null;
          const statements: BatchItem<'sqlite'>[] = [
            db.insert(complaints).values({
              id,
              ticket,
              regionCode: region.code,
              originRegionCode: region.code,
              classification: input.classification,
              categoryId: input.category,
              title: input.title,
              description: input.description,
              lat: input.lat ?? null,
              lng: input.lng ?? null,
              exactLocationPublic: input.exact_location && !anon,
              place: input.place ?? null,
              isAnonymous: anon,
              isConfidential: input.confidential,
              // Anonymous: no identity is stored unless the reporter asked to be contacted (then for the reporter alone,
              // never handlers; present.ts). Issue 12, point 10: contact a reporter chose to hide is not kept.
              reporterName: keepContact ? (input.name ?? null) : null,
              reporterPhone: keepContact ? (input.phone ?? null) : null,
              reporterEmail: keepContact ? (input.email ?? null) : null,
              // Consent to forward the identity to SP4N-LAPOR, recorded with its time; never for anonymous reports.
              identityConsentAt: input.identity_consent && !anon ? now : null,
              channel: opts.intake?.channel ?? 'portal',
              secretHash: await hashCode(code),
              status: state.status,
              version: 1,
              receivedAt: now,
              verifyDueAt: state.verifyDueAt,
              dueAt: state.dueAt,
              createdAt: now,
              updatedAt: now,
            }),
            eventInsert(
              db,
              id,
              region.code,
              1,
              now,
              { kind: 'dibuat', fromStatus: null, toStatus: 'diterima', targetRegionCode: null, notePublic: null, noteReporter: null, noteInternal: null },
              opts.intake?.actor ?? REPORTER_ACTOR,
            ),
            ...attachmentRows(db, { id, originRegionCode: region.code }, 1, stored, now),
            ...(subscription ? [subscriptionInsert(db, subscription)] : []),
            ...(opts.intake?.statements({ id, ticket, regionCode: region.code }) ?? []),
          ];
          return { ref: ticket, statements, result: null };
        },
      });
      if (!res.created && held.cleanup) await held.cleanup();
      const complaint = await findComplaintByTicket(db, res.ref);
      if (!complaint) throw new Error(`idempotency ref ${res.ref} has no complaint`);
      if (res.created && changesPublicOutput(null, complaint)) await deps.purge(complaint.originRegionCode);
      return { ticket: res.ref, code, created: res.created, complaint };
    } catch (err) {
      if (held.cleanup) await held.cleanup();
      if (attempt < 4 && !(err instanceof AppError) && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}

const NOT_MATCHING = 'Nomor pelacakan atau kode pribadi tidak cocok. Periksa kembali keduanya.';

/** The report when `code` is its private code; 404 otherwise (without telling which part was wrong). */
export async function reporterAccess(db: Db, ticket: string, code: string, ip: string, now: number): Promise<ComplaintRow> {
  await rateLimit(db, `complaint-code:${ip}`, CODE_LIMIT.limit, CODE_LIMIT.windowMs, now);
  const row = await findComplaintByTicket(db, ticket);
  const ok = await codeMatches(code, row?.secretHash ?? '0'.repeat(64));
  if (!row || !ok) throw new AppError('not_found', NOT_MATCHING);
  return row;
}

export async function hasRating(db: Db, complaintId: string, round: number): Promise<boolean> {
  const r = await db
    .select({ n: complaintRatings.round })
    .from(complaintRatings)
    .where(and(eq(complaintRatings.complaintId, complaintId), eq(complaintRatings.round, round)))
    .get();
  return r !== undefined;
}

/** Runs one machine transition for any actor and persists it (timeline + guarded update + extras, one batch). */
export async function applyAction(
  deps: ComplaintDeps,
  row: ComplaintRow,
  action: ComplaintAction,
  role: MachineRole,
  actor: EventActor,
  now: number,
  extra: { photos?: PhotoUpload[]; statements?: (next: ReturnType<typeof transition>) => BatchItem<'sqlite'>[]; cal?: HolidayCalendar } = {},
) {
  const { db } = deps;
  const [cal, rated] = await Promise.all([extra.cal ?? loadHolidayCalendar(db), hasRating(db, row.id, row.round)]);
  let result: ReturnType<typeof transition>;
  try {
    result = transition(machineStateOf(row, rated), action, role, now, cal);
  } catch (err) {
    if (err instanceof TransitionError) throw new AppError('conflict', err.message);
    throw err;
  }
  const seq = row.version + 1;
  const statements = changeStatements(db, row, result.state, result.entry, actor, now);
  if (action.type === 'nilai') {
    statements.push(
      db.insert(complaintRatings).values({
        complaintId: row.id,
        round: row.round,
        regionCode: row.originRegionCode,
        score: action.score,
        comment: action.comment ?? null,
        createdAt: now,
      }),
    );
  }
  const uploaded = extra.photos?.length ? await storePhotos(deps.files, row.id, extra.photos, now) : null;
  if (uploaded) statements.push(...attachmentRows(db, row, seq, uploaded.stored, now));
  if (extra.statements) statements.push(...extra.statements(result));
  try {
    await commitChange(db, statements);
  } catch (err) {
    if (uploaded) await uploaded.cleanup();
    throw err;
  }
  if (changesPublicOutput(row, result.state)) await deps.purge(row.originRegionCode);
  if (deps.statusChanged && result.state.status !== row.status) {
    const event = {
      complaintId: row.id,
      ticket: row.ticket,
      originRegionCode: row.originRegionCode,
      to: result.state.status,
      seq,
      byReporter: role === 'pelapor',
    };
    await deps
      .statusChanged(event)
      .catch((err) => console.error(JSON.stringify({ level: 'error', msg: 'complaint status hook failed', complaintId: row.id, error: String(err) })));
  }
  return result;
}

/** A reporter's action on their own report (add information, accept the answer, reopen, rate). */
export async function reporterAct(
  deps: ComplaintDeps,
  auth: { ticket: string; code: string; ip: string },
  action: ComplaintAction,
  now: number,
  photos: PhotoUpload[] = [],
) {
  await rateLimit(deps.db, `complaint-reporter:${auth.ip}`, REPORTER_LIMIT.limit, REPORTER_LIMIT.windowMs, now);
  const row = await reporterAccess(deps.db, auth.ticket, auth.code, auth.ip, now);
  return applyAction(deps, row, action, 'pelapor', REPORTER_ACTOR, now, { photos });
}
