/**
 * The officer's side: the queue of the regions the access policy allows (`letter.handle`), one request with its
 * uploads, the actions, the audited reveal of identity numbers, correcting the letter's fields, walk-in registration
 * (the same submission flow), and the region's catalogue and letter settings. A request outside the officer's reach
 * answers 404. Every write carries its audit row in the same batch; audit rows name the tracking number, never a NIK.
 */
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { letterRequests, letterSettings, regions, type LetterStatus } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { HolidayCalendar } from '../../lib/working-days';
import { authorize } from '../../regions/guard';
import { can, candidateRoots, type Membership } from '../../regions/policy';
import { inSubtrees } from '../../regions/sql';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { applyLetterAction, type LetterDeps } from './actions';
import { officerIdentity, officerListItem, type OfficerListItem } from './present';
import { findRequestById, settingsFor, templateVersion } from './repo';
import type { OfficerActionForm } from './schemas';
import { OPEN_STATUSES, type LetterAction } from './status-machine';
import type { EventActor } from './store';
import { fieldsSchema } from './template';
import { storeUploads, type RequirementUpload } from './uploads';
import { submitRequest } from './submit';
import type { RequestInput } from './schemas';
import type { NotifyChoice } from '../../messaging/citizen-notice';

export const letterRoots = (memberships: readonly Membership[]) => candidateRoots(memberships, 'letter.handle');

const ROLE_WORDS: Record<string, string> = { diskominfo: 'Diskominfo', operator_kecamatan: 'Operator kecamatan', operator_desa: 'Operator desa/kelurahan' };

export function officerActor(ctx: ActionContext, regionName: string): EventActor {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden');
  const role = ctx.actor.memberships[0]?.role ?? 'diskominfo';
  return { type: 'petugas', id: ctx.actor.id, label: `${ROLE_WORDS[role] ?? 'Petugas'} · ${regionName}`, name: ctx.actor.name };
}

/** The request if the actor may handle letters of its region; 404 otherwise (also for a kecamatan looking at a desa). */
export async function officerRequest(db: Db, ctx: ActionContext, id: string) {
  const row = await findRequestById(db, id);
  if (!row) throw new AppError('not_found', 'Permohonan tidak ditemukan di wilayah Anda.');
  try {
    const region = await authorize(db, ctx.actor, 'letter.handle', row.regionCode);
    return { row, region };
  } catch (err) {
    if (err instanceof AppError && err.code === 'forbidden') throw new AppError('not_found', 'Permohonan tidak ditemukan di wilayah Anda.');
    throw err;
  }
}

export interface QueueQuery {
  status: 'terbuka' | 'semua' | LetterStatus;
  wilayah?: string;
  limit: number;
  offset?: number;
}

/** The queue: open requests first by deadline, in the regions the actor handles (policy checked per region). */
export async function officerQueue(
  deps: Pick<LetterDeps, 'db' | 'dataKeys'>,
  memberships: readonly Membership[],
  q: QueueQuery,
  now: number,
  cal: HolidayCalendar,
): Promise<{ items: OfficerListItem[]; roots: string[]; more: boolean }> {
  const roots = letterRoots(memberships);
  const where = and(
    inSubtrees(letterRequests.regionCode, roots),
    q.wilayah ? eq(letterRequests.regionCode, q.wilayah) : undefined,
    q.status === 'terbuka' ? inArray(letterRequests.status, [...OPEN_STATUSES]) : q.status === 'semua' ? undefined : eq(letterRequests.status, q.status),
  );
  const order = [sql`${letterRequests.dueAt} IS NULL`, asc(letterRequests.dueAt), desc(letterRequests.createdAt)];
  // The page's ids first, from the queue index alone (migration 0099), then only those rows (bench/volume.md).
  // One row past the page tells whether a next page exists; the id breaks ties so pages never overlap.
  const page = deps.db
    .select({ id: letterRequests.id })
    .from(letterRequests)
    .where(where)
    .orderBy(...order, asc(letterRequests.id))
    .limit(q.limit + 1)
    .offset(q.offset ?? 0);
  const rows = await deps.db
    .select({ r: letterRequests, stage: regions.stage })
    .from(letterRequests)
    .innerJoin(regions, eq(regions.code, letterRequests.regionCode))
    .where(inArray(letterRequests.id, page))
    .orderBy(...order, asc(letterRequests.id))
    .all();
  const more = rows.length > q.limit;
  const allowed = rows.slice(0, q.limit).filter(({ r, stage }) => can(memberships, 'letter.handle', { code: r.regionCode, stage }));
  return { items: await Promise.all(allowed.map(({ r }) => officerListItem(deps.dataKeys, r, now, cal))), roots, more };
}

export const EXPORT_PAGE_SIZE = 500;

/**
 * The CSV export: every request in the actor's regions with the queue's status filter, page by page (keyset on the
 * id, oldest first), so no export stops at a row limit and no page holds more than EXPORT_PAGE_SIZE rows in memory.
 */
export async function* officerExport(
  deps: Pick<LetterDeps, 'db' | 'dataKeys'>,
  memberships: readonly Membership[],
  q: Omit<QueueQuery, 'limit'>,
  now: number,
  cal: HolidayCalendar,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<OfficerListItem[]> {
  const roots = letterRoots(memberships);
  if (roots.length === 0) return;
  for (let after = ''; ; ) {
    const rows = await deps.db
      .select({ r: letterRequests, stage: regions.stage })
      .from(letterRequests)
      .innerJoin(regions, eq(regions.code, letterRequests.regionCode))
      .where(
        and(
          gt(letterRequests.id, after),
          inSubtrees(letterRequests.regionCode, roots),
          q.wilayah ? eq(letterRequests.regionCode, q.wilayah) : undefined,
          q.status === 'terbuka' ? inArray(letterRequests.status, [...OPEN_STATUSES]) : q.status === 'semua' ? undefined : eq(letterRequests.status, q.status),
        ),
      )
      .orderBy(asc(letterRequests.id))
      .limit(pageSize)
      .all();
    const allowed = rows.filter(({ r, stage }) => can(memberships, 'letter.handle', { code: r.regionCode, stage }));
    if (allowed.length > 0) yield await Promise.all(allowed.map(({ r }) => officerListItem(deps.dataKeys, r, now, cal)));
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.r.id;
  }
}

const AUDIT_ACTIONS: Record<LetterAction['type'], string> = {
  periksa: 'letter.status',
  minta_perbaikan: 'letter.status',
  perbaiki: 'letter.status',
  proses: 'letter.status',
  beri_nomor: 'letter.number',
  tandatangani: 'letter.sign',
  tolak: 'letter.status',
  batalkan: 'letter.status',
  cabut: 'letter.revoke',
};

/** One officer action; `version` guards against acting on a stale page; `scan` is the uploaded signed letter. */
export async function officerAct(
  deps: LetterDeps,
  ctx: ActionContext,
  id: string,
  form: OfficerActionForm,
  version: number | undefined,
  scan?: RequirementUpload,
) {
  const { row, region } = await officerRequest(deps.db, ctx, id);
  if (version !== undefined && version !== row.version) throw new AppError('conflict', 'Permohonan ini baru saja diubah. Muat ulang halaman lalu coba lagi.');
  const { action: type, ...rest } = form;
  const action = { type, ...rest } as LetterAction;
  let patch: Partial<typeof letterRequests.$inferInsert> = {};
  let cleanup: (() => Promise<void>) | undefined;
  if (action.type === 'tandatangani') {
    if (action.method === 'pindaian' && !scan)
      throw new AppError('validation', 'Unggah pindaian surat yang sudah ditandatangani.', {
        fieldErrors: [{ field: 'scan', message: 'Unggah pindaian surat yang sudah ditandatangani (PDF atau foto).' }],
      });
    const settings = await settingsFor(deps.db, region);
    if (!settings.signatoryName)
      throw new AppError('validation', 'Isi dahulu nama penandatangan di Pengaturan layanan wilayah ini.', {
        fieldErrors: [{ field: '_', message: 'Isi dahulu nama penandatangan di Pengaturan layanan wilayah ini.' }],
      });
    const stored = scan ? await storeUploads(deps.files, row.id, [scan], ctx.now) : null;
    cleanup = stored?.cleanup;
    patch = {
      signedAt: ctx.now,
      signMethod: action.method,
      signatoryName: settings.signatoryName,
      signatoryPosition: settings.signatoryPosition,
      signatoryNip: settings.signatoryNip,
      signedScanKey: stored?.stored[0]?.key ?? null,
    };
  }
  return applyLetterAction(deps, row, action, 'petugas', officerActor(ctx, region.name), ctx.now, {
    patch,
    onFailure: cleanup,
    statements: () => [
      auditInsert(deps.db, ctx, {
        action: AUDIT_ACTIONS[action.type],
        regionCode: row.regionCode,
        entityType: 'letter_request',
        entityId: row.id,
        summary: `${row.trackingNumber}: ${action.type}`,
        before: { status: row.status },
        after: { action: action.type },
      }),
    ],
  });
}

/** The processing screen's identity: masked unless revealed; every reveal is audited (before the data is shown). */
export async function officerReveal(deps: LetterDeps, ctx: ActionContext, id: string) {
  const { row } = await officerRequest(deps.db, ctx, id);
  await deps.db.batch([
    auditInsert(deps.db, ctx, {
      action: 'letter.reveal',
      regionCode: row.regionCode,
      entityType: 'letter_request',
      entityId: row.id,
      summary: `${row.trackingNumber}: NIK/KK/kontak ditampilkan`,
    }),
  ]);
  return officerIdentity(deps.dataKeys, row, true);
}

/** The officer fills in or corrects the letter's own fields (before the letter is numbered). */
export async function officerUpdateFields(deps: LetterDeps, ctx: ActionContext, id: string, fields: Record<string, string>, version: number | undefined) {
  const { row } = await officerRequest(deps.db, ctx, id);
  if (version !== undefined && version !== row.version) throw new AppError('conflict', 'Permohonan ini baru saja diubah. Muat ulang halaman lalu coba lagi.');
  if (!['diajukan', 'diperiksa', 'diproses', 'perlu_perbaikan'].includes(row.status))
    throw new AppError('conflict', 'Isian tidak dapat diubah setelah surat diberi nomor.');
  const template = await templateVersion(deps.db, row.templateId, row.templateVersion);
  const parsed = fieldsSchema(template?.fields ?? []).safeParse(fields);
  if (!parsed.success)
    throw new AppError('validation', 'Periksa kembali isian surat.', {
      fieldErrors: parsed.error.issues.map((i) => ({ field: `f_${i.path.join('.')}`, message: i.message })),
    });
  const clean = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  // The version moves (a stale page cannot act on old fields); the audit log records the edit, the timeline stays the citizen's.
  await deps.db.batch([
    deps.db
      .update(letterRequests)
      .set({ fields: JSON.stringify(clean), version: row.version + 1, updatedAt: ctx.now })
      .where(and(eq(letterRequests.id, row.id), eq(letterRequests.version, row.version))),
    auditInsert(deps.db, ctx, {
      action: 'letter.fields',
      regionCode: row.regionCode,
      entityType: 'letter_request',
      entityId: row.id,
      summary: `${row.trackingNumber}: isian surat diperbarui`,
      after: { keys: Object.keys(clean) },
    }),
  ]);
}

/** A request made at the counter: the same flow, the same register, channel `loket`. */
/** A request registered at the counter; `notify` is the requester's own opt-in, typed by the officer on their behalf. */
export async function registerWalkIn(
  deps: LetterDeps,
  ctx: ActionContext,
  input: RequestInput,
  uploads: RequirementUpload[],
  notify: NotifyChoice | null = null,
) {
  const region = await authorize(deps.db, ctx.actor, 'letter.handle', input.region_code).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'forbidden') throw new AppError('not_found', 'Wilayah ini tidak Anda layani.');
    throw err;
  });
  const result = await submitRequest(deps, region, input, uploads, { now: ctx.now, channel: 'loket', actor: officerActor(ctx, region.name), notify });
  if (result.created)
    await deps.db.batch([
      auditInsert(deps.db, ctx, {
        action: 'letter.walkin',
        regionCode: region.code,
        entityType: 'letter_request',
        entityId: result.request.id,
        summary: `${result.trackingNumber}: didaftarkan di loket`,
      }),
    ]);
  return result;
}

export async function saveLetterSettings(
  db: Db,
  ctx: ActionContext,
  regionCode: string,
  s: Omit<typeof letterSettings.$inferInsert, 'regionCode' | 'updatedAt'>,
) {
  await authorize(db, ctx.actor, 'letter.handle', regionCode);
  const values = { ...s, regionCode, updatedAt: ctx.now };
  await db.batch([
    db.insert(letterSettings).values(values).onConflictDoUpdate({ target: letterSettings.regionCode, set: values }),
    auditInsert(db, ctx, {
      action: 'letter.settings',
      regionCode,
      entityType: 'letter_settings',
      entityId: regionCode,
      summary: 'Pengaturan layanan surat diperbarui',
      after: { shortCode: s.shortCode, numberPattern: s.numberPattern },
    }),
  ]);
}
