// Officers' writes. Two kinds of package, one access policy:
// - village procurement (source `desa`) is public content: the one publishing workflow (src/publishing/) decides —
//   a local operator prepares and submits in every stage, a reviewer approves, operators publish themselves only in
//   `mandiri`; a package outside the actor's regions answers 404;
// - regency packages (SPSE/SiRUP) are entered by `tender.regency` holders (Diskominfo and the procurement managers it
//   names) and are public at once; anyone else — every village operator — gets 404 (the regency is outside its regions).
// Every change is audited in the same batch; a change the public can see purges the pages of the owner and location
// regions (and their ancestors).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ActionContext, Actor } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages, type PurgeDeps } from '../../cache/purge';
import { REGENCY } from '../../config';
import type { Db } from '../../db/client';
import { regions, tenders, type TenderRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { witaParts } from '../../lib/time';
import { randomString } from '../../lib/ids';
import { hasAnyRight, publishRights } from '../../publishing/rights';
import {
  AUDIT_SUFFIX,
  AUDIT_VERBS,
  editActions,
  FORM_ACTIONS,
  planTransitions,
  type PublishAction,
  type PublishRights,
  type PublishStatus,
} from '../../publishing/workflow';
import { isWithin, levelOfCode } from '../../regions/codes';
import { touchContentUpdate } from '../../regions/freshness';
import { authorize } from '../../regions/guard';
import { regionTitle } from '../../regions/labels';
import { TENDER_STAGES } from '../../db/schema';
import type { TenderContent } from './content';
import { stageField, type TenderFormData } from './schemas';
import type { StageWindow } from './schedule';
import { findStored, findStoredByCodes, planUpsert, regionsOf, type Statement, type StoredTender } from './store';

export interface TenderDeps extends PurgeDeps {
  files: R2Bucket;
}

export type TenderKind = 'regency' | 'village';
export const kindOf = (source: TenderRow['source']): TenderKind => (source === 'desa' ? 'village' : 'regency');

const notFound = () => new AppError('not_found', 'Paket tidak ditemukan.');
const REGENCY_RIGHTS: PublishRights = { draft: true, publish: true, review: false };

/** What an officer may do with a package: 404 outside its regions, 403 where its role forbids. */
export interface EditableTender {
  stored: StoredTender;
  kind: TenderKind;
  rights: PublishRights;
  region: Awaited<ReturnType<typeof authorize>>;
}

/** Rights of an actor on a region for a kind of package (the village kind from the publishing rights). */
async function rightsFor(db: Db, actor: Actor, kind: TenderKind, regionCode: string) {
  if (kind === 'regency') {
    const region = await authorize(db, actor, 'tender.regency', regionCode);
    return { region, rights: REGENCY_RIGHTS };
  }
  const region = await authorize(db, actor, 'dashboard.view', regionCode);
  const rights = publishRights(actor, region);
  if (!hasAnyRight(rights)) throw new AppError('forbidden', 'Peran Anda tidak mengizinkan mengelola pengadaan di wilayah ini.');
  return { region, rights };
}

export async function loadTenderForEdit(db: Db, actor: Actor, id: string): Promise<EditableTender> {
  const stored = await findStored(db, id);
  if (!stored) throw notFound();
  const kind = kindOf(stored.row.source);
  const { region, rights } = await rightsFor(db, actor, kind, stored.row.regionCode).catch((err: unknown) => {
    // Outside the actor's regions the package does not exist for it — whatever the reason (another village's, the regency's).
    if (err instanceof AppError && (err.code === 'not_found' || (kind === 'regency' && err.code === 'forbidden'))) throw notFound();
    throw err;
  });
  return { stored, kind, rights, region };
}

function plan(from: PublishStatus, actions: readonly PublishAction[], rights: PublishRights): PublishStatus {
  const t = planTransitions(from, actions, rights, 'paket');
  if (!t.ok) throw new AppError(t.reason === 'state' ? 'conflict' : 'forbidden', t.message);
  return t.to;
}

const invalid = (field: string, message: string) => new AppError('validation', message, { fieldErrors: [{ field, message }] });

function scheduleOf(d: TenderFormData): StageWindow[] {
  const values = d as unknown as Record<string, number | undefined>;
  return TENDER_STAGES.flatMap((stage) => {
    const s = values[stageField(stage, 'start')];
    const e = values[stageField(stage, 'end')];
    return s !== undefined && e !== undefined ? [{ stage, s, e }] : [];
  });
}

/** Location regions of a regency package: existing regions of the regency. */
export async function checkLocations(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: regions.code })
    .from(regions)
    .where(inArray(regions.code, [...codes]))
    .all();
  const known = new Set(rows.map((r) => r.code));
  const bad = codes.find((c) => !known.has(c) || !isWithin(c, REGENCY.code));
  if (bad) throw invalid('location_codes', `Wilayah ${bad} tidak dikenal. Pilih lokasi dari daftar.`);
  return [...new Set(codes)];
}

/** The package content of a form: regency packages belong to the regency, village packages to their village. */
async function contentOf(
  db: Db,
  d: TenderFormData,
  target: { source: TenderRow['source']; regionCode: string; regionName: string; externalCode: string },
): Promise<TenderContent> {
  const village = target.source === 'desa';
  if (village && d.method && !['swakelola', 'pengadaan_langsung', 'tender_desa'].includes(d.method)) {
    throw invalid('method', 'Pengadaan desa memakai swakelola, pengadaan langsung atau tender desa.');
  }
  return {
    source: target.source,
    externalCode: target.externalCode,
    regionCode: target.regionCode,
    name: d.name,
    ownerName: d.owner_name ?? (village ? `Pemerintah ${target.regionName}` : ''),
    procurementType: d.procurement_type ?? null,
    method: d.method ?? null,
    fiscalYear: d.fiscal_year ?? null,
    fundingSource: d.funding_source,
    pagu: d.pagu ?? null,
    hps: d.hps ?? null,
    declaredStatus: d.status ?? null,
    stageLabel: village ? '' : d.stage_label,
    schedule: scheduleOf(d),
    plannedFrom: null,
    plannedTo: null,
    winnerName: d.winner_name ?? null,
    contractValue: d.contract_value ?? null,
    contractStartAt: d.contract_start ?? null,
    contractEndAt: d.contract_end ?? null,
    locationText: d.location_text,
    locationCodes: village ? [target.regionCode] : await checkLocations(db, d.location_codes),
    lat: d.lat ?? null,
    lng: d.lng ?? null,
    sourceUrl: d.source_url ?? null,
    description: d.description,
  };
}

async function purgeAll(deps: PurgeDeps, codes: readonly string[], requestId: string | null) {
  for (const code of new Set(codes)) await purgeRegionPages(deps, code, requestId);
}

const uniqueViolation = (err: unknown) => /UNIQUE constraint failed/i.test(`${String(err)} ${String((err as { cause?: unknown }).cause ?? '')}`);
const codeTaken = () => invalid('external_code', 'Kode ini sudah dipakai paket lain dari sumber yang sama. Buka paket itu untuk mengubahnya.');

/** Writes planned statements plus extra ones; a concurrent change (0 rows) is a conflict. */
async function commit(db: Db, statements: Statement[]) {
  if (statements.length === 0) return;
  try {
    const [first, ...rest] = statements;
    const [res] = await db.batch([first!, ...rest]);
    if ((res as D1Result).meta.changes === 0)
      throw new AppError('conflict', 'Paket ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.');
  } catch (err) {
    if (uniqueViolation(err)) throw codeTaken();
    throw err;
  }
}

/** Creates a package from the admin form: a village package in the chosen village, or a regency package. */
export async function createTender(deps: TenderDeps, d: TenderFormData, ctx: ActionContext): Promise<{ id: string; publishStatus: PublishStatus }> {
  const kind: TenderKind = d.sumber === 'desa' ? 'village' : 'regency';
  const regionCode = kind === 'regency' ? REGENCY.code : d.region_code;
  if (!regionCode) throw invalid('region_code', 'Pilih desa pemilik paket.');
  const { region, rights } = await rightsFor(deps.db, ctx.actor, kind, regionCode);
  if (kind === 'village' && !['desa', 'kelurahan'].includes(levelOfCode(region.code))) {
    throw invalid('region_code', 'Pengadaan desa dicatat di desa atau kelurahan pemiliknya.');
  }
  const publishStatus = kind === 'village' ? plan('draft', [...FORM_ACTIONS[d.aksi]], rights) : 'terbit';
  const year = d.fiscal_year ?? witaParts(ctx.now).year;
  const externalCode = d.external_code ?? `PBJ-${year}-${randomString(5, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')}`;
  const content = await contentOf(deps.db, d, { source: d.sumber, regionCode: region.code, regionName: regionTitle(region), externalCode });
  if ((await findStoredByCodes(deps.db, content.source, region.code, [externalCode])).size > 0) throw codeTaken();
  const planned = await planUpsert(deps.db, ctx, content, null, { publishStatus });
  const visible = publishStatus === 'terbit';
  const workflowAudits = kind === 'village' ? workflowAuditRows(deps.db, ctx, planned.id, content, [...FORM_ACTIONS[d.aksi]], 'draft', publishStatus) : [];
  await commit(deps.db, [...planned.statements, ...workflowAudits, ...(visible ? [touchContentUpdate(deps.db, region.code, ctx.now)] : [])]);
  await purgeAll(deps, planned.purgeCodes, ctx.requestId);
  return { id: planned.id, publishStatus };
}

function workflowAuditRows(
  db: Db,
  ctx: ActionContext,
  id: string,
  c: { name: string; regionCode: string },
  actions: PublishAction[],
  from: PublishStatus,
  to: PublishStatus,
) {
  return actions.map((a) =>
    auditInsert(db, ctx, {
      action: `tender.${AUDIT_SUFFIX[a]}`,
      regionCode: c.regionCode,
      entityType: 'tender',
      entityId: id,
      summary: `${AUDIT_VERBS[a]} paket “${c.name}”`,
      before: { status: from },
      after: { status: to },
    }),
  );
}

/** Saves the form of an existing package (a village package also moves through the workflow with its button). */
export async function updateTender(deps: TenderDeps, id: string, d: TenderFormData, ctx: ActionContext): Promise<{ publishStatus: PublishStatus }> {
  const t = await loadTenderForEdit(deps.db, ctx.actor, id);
  const { row } = t.stored;
  const actions = t.kind === 'village' ? editActions(row.publishStatus, d.aksi) : [];
  const publishStatus = t.kind === 'village' ? plan(row.publishStatus, actions, t.rights) : row.publishStatus;
  const content = await contentOf(deps.db, d, {
    source: row.source,
    regionCode: row.regionCode,
    regionName: regionTitle(t.region),
    externalCode: d.external_code ?? row.externalCode,
  });
  if (content.externalCode !== row.externalCode && (await findStoredByCodes(deps.db, content.source, row.regionCode, [content.externalCode])).size > 0)
    throw codeTaken();
  const planned = await planUpsert(deps.db, ctx, content, t.stored, { publishStatus });
  const statements = [...planned.statements];
  if (planned.outcome === 'unchanged' && publishStatus !== row.publishStatus) {
    statements.push(
      deps.db
        .update(tenders)
        .set({ publishStatus, updatedBy: ctx.actor.id, updatedAt: ctx.now })
        .where(and(eq(tenders.id, id), eq(tenders.publishStatus, row.publishStatus))),
    );
  }
  const visible = row.publishStatus === 'terbit' || publishStatus === 'terbit';
  if (statements.length === 0) return { publishStatus };
  statements.push(...workflowAuditRows(deps.db, ctx, id, content, actions.slice(1), row.publishStatus, publishStatus));
  if (visible) statements.push(touchContentUpdate(deps.db, row.regionCode, ctx.now));
  await commit(deps.db, statements);
  await purgeAll(
    deps,
    visible ? [...planned.purgeCodes, ...regionsOf(content), ...regionsOf({ regionCode: row.regionCode, locationCodes: t.stored.locationCodes })] : [],
    ctx.requestId,
  );
  return { publishStatus };
}

/** submit / approve / reject / publish / unpublish of a village package. */
export async function changeTenderStatus(
  deps: TenderDeps,
  id: string,
  action: Exclude<PublishAction, 'save' | 'delete'>,
  ctx: ActionContext,
  note?: string,
): Promise<{ publishStatus: PublishStatus }> {
  const t = await loadTenderForEdit(deps.db, ctx.actor, id);
  if (t.kind !== 'village') throw new AppError('conflict', 'Paket kabupaten tampil langsung; tidak melalui tinjauan.');
  const { row } = t.stored;
  const publishStatus = plan(row.publishStatus, [action], t.rights);
  const reviewNote = action === 'approve' || action === 'reject' ? (note ?? null) : row.reviewNote;
  const visible = row.publishStatus === 'terbit' || publishStatus === 'terbit';
  const [res] = await deps.db.batch([
    deps.db
      .update(tenders)
      .set({ publishStatus, reviewNote, updatedBy: ctx.actor.id, updatedAt: ctx.now })
      .where(and(eq(tenders.id, id), eq(tenders.publishStatus, row.publishStatus), isNull(tenders.deletedAt))),
    auditInsert(deps.db, ctx, {
      action: `tender.${AUDIT_SUFFIX[action]}`,
      regionCode: row.regionCode,
      entityType: 'tender',
      entityId: id,
      summary: `${AUDIT_VERBS[action]} paket “${row.name}”${note ? `: ${note}` : ''}`,
      before: { status: row.publishStatus },
      after: { status: publishStatus },
    }),
    ...(visible ? [touchContentUpdate(deps.db, row.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Status paket ini baru saja diubah orang lain. Muat ulang halaman.');
  if (visible) await purgeAll(deps, regionsOf({ regionCode: row.regionCode, locationCodes: t.stored.locationCodes }), ctx.requestId);
  return { publishStatus };
}

/** Removes a package from every list (soft delete; files stay for the audit trail). A published village package needs the right to unpublish. */
export async function deleteTender(deps: TenderDeps, id: string, ctx: ActionContext): Promise<void> {
  const t = await loadTenderForEdit(deps.db, ctx.actor, id);
  const { row } = t.stored;
  if (t.kind === 'village') plan(row.publishStatus, row.publishStatus === 'terbit' ? ['unpublish', 'delete'] : ['delete'], t.rights);
  const visible = row.publishStatus === 'terbit';
  const [res] = await deps.db.batch([
    deps.db
      .update(tenders)
      .set({ deletedAt: ctx.now, updatedAt: ctx.now, updatedBy: ctx.actor.id, updateDueAt: null })
      .where(and(eq(tenders.id, id), isNull(tenders.deletedAt))),
    auditInsert(deps.db, ctx, {
      action: 'tender.delete',
      regionCode: row.regionCode,
      entityType: 'tender',
      entityId: id,
      summary: `Menghapus paket “${row.name}” (${row.externalCode}) dari daftar`,
    }),
    ...(visible ? [touchContentUpdate(deps.db, row.regionCode, ctx.now)] : []),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Paket ini sudah dihapus.');
  if (visible) await purgeAll(deps, regionsOf({ regionCode: row.regionCode, locationCodes: t.stored.locationCodes }), ctx.requestId);
}
