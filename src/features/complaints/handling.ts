/**
 * Handler side of complaints (/admin/pengaduan): scope, detail, actions and photos. Reports outside the handler's
 * regions answer 404 (their existence is not revealed); anonymous reporters stay anonymous (present.ts).
 */
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions, type ComplaintStatus } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { addWorkingDays } from '../../lib/working-days';
import { ancestorCodes, isWithin } from '../../regions/codes';
import { authorize } from '../../regions/guard';
import { regionTitle } from '../../regions/labels';
import { candidateRoots, membershipAllows, type Membership } from '../../regions/policy';
import type { ActionContext, Actor } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import { ACTION_LABELS, STATUS_LABELS } from './labels';
import { handlerListItem, toHandlerView } from './present';
import { boundedCountForHandler, exportPageForHandler, findAttachment, findComplaintById, inTrees, listForHandler } from './repo';
import type { HandlerActionForm } from './schemas';
import { applyAction, loadBundle, type ComplaintDeps } from './service';
import { OPEN_STATUSES, type ComplaintAction } from './status-machine';
import type { EventActor } from './store';

const STAGES = ['diskominfo', 'pendampingan', 'mandiri'] as const;

/** Subtrees where the actor handles complaints (the policy decides; roles without the action reach nothing). */
export function handlerRoots(memberships: readonly Membership[]): string[] {
  const handling = memberships.filter((m) => STAGES.some((stage) => membershipAllows(m, 'complaint.handle', { code: m.regionCode, stage })));
  return candidateRoots(handling, 'complaint.handle');
}

const ROLE_WORDS: Partial<Record<Membership['role'], string>> = { diskominfo: 'Diskominfo', penanganan_pengaduan: 'Petugas pengaduan' };

/** Timeline actor: role and region of the membership that reaches the report — never the person's contact. */
export async function handlerActor(db: Db, actor: Actor, regionCode: string): Promise<EventActor> {
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const m = actor.memberships
    .filter((x) => ROLE_WORDS[x.role] && isWithin(regionCode, x.regionCode))
    .sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
  const region = m
    ? await db
        .select({ name: regions.name, level: regions.level })
        .from(regions)
        .where(inArray(regions.code, [m.regionCode]))
        .get()
    : undefined;
  const label = m && region ? `${ROLE_WORDS[m.role]} ${regionTitle(region)}` : 'Petugas';
  return { type: 'petugas', id: actor.id, label, name: actor.name };
}

export type DueFilter = 'lewat' | 'mendekati';

type ListQuery = { status: string; tenggat?: DueFilter };

async function handlerFilter(db: Db, memberships: readonly Membership[], q: ListQuery, now: number) {
  const roots = handlerRoots(memberships);
  const cal = await loadHolidayCalendar(db);
  const statuses: ComplaintStatus[] | undefined = q.status === 'semua' ? undefined : q.status === 'terbuka' ? OPEN_STATUSES : [q.status as ComplaintStatus];
  const due: { dueBefore?: number; dueFrom?: number } =
    q.tenggat === 'lewat' ? { dueBefore: now - 1 } : q.tenggat === 'mendekati' ? { dueFrom: now, dueBefore: addWorkingDays(now, 1, cal) } : {};
  return { cal, filter: { roots, statuses, ...due } };
}

export async function listForActor(db: Db, memberships: readonly Membership[], q: ListQuery & { halaman: number }, now: number, pageSize = 25) {
  const { cal, filter } = await handlerFilter(db, memberships, q, now);
  const [rows, total] = await Promise.all([
    listForHandler(db, { ...filter, limit: pageSize, offset: (q.halaman - 1) * pageSize }),
    boundedCountForHandler(db, filter, { offset: (q.halaman - 1) * pageSize, pageSize }),
  ]);
  return { roots: filter.roots, cal, total, items: rows.map(handlerListItem) };
}

/** Rows per export query: one bounded read per page; D1 allows 1,000 queries per invocation (a million rows). */
export const EXPORT_PAGE_SIZE = 1000;

/** Every report matching the list filter in the actor's regions, page by page in received order, with no cap. */
export async function* exportForActor(db: Db, memberships: readonly Membership[], q: ListQuery, now: number, pageSize = EXPORT_PAGE_SIZE) {
  const { filter } = await handlerFilter(db, memberships, q, now);
  for (let after = ''; ; ) {
    const rows = await exportPageForHandler(db, filter, after, pageSize);
    if (rows.length > 0) yield rows.map(handlerListItem);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Loads a report the actor may handle: 404 outside their regions, 403 when their role may not handle complaints. */
export async function reportForHandler(db: Db, actor: Actor, id: string) {
  const row = /^[0-9A-Z]{26}$/.test(id) ? await findComplaintById(db, id) : undefined;
  if (!row) throw new AppError('not_found', 'Laporan tidak ditemukan di wilayah Anda.');
  await authorize(db, actor, 'complaint.handle', row.regionCode);
  return row;
}

export async function handlerDetail(db: Db, actor: Actor, id: string, now: number) {
  const row = await reportForHandler(db, actor, id);
  const [bundle, cal, targets] = await Promise.all([loadBundle(db, row), loadHolidayCalendar(db), dispositionTargets(db, actor, row.regionCode)]);
  return { view: toHandlerView(bundle, now), cal, targets };
}

/** Regions a report may be disposed or forwarded to: anywhere in the handler's reach, or upward (desa → kecamatan → kabupaten). */
export async function dispositionTargets(db: Db, actor: Actor, currentRegion: string) {
  const roots = handlerRoots(actor.kind === 'user' ? actor.memberships : []);
  const upward = ancestorCodes(currentRegion);
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(roots.length ? inTrees(regions.code, roots) : inArray(regions.code, ['__none__']))
    .orderBy(asc(regions.code))
    .all();
  const up = upward.length
    ? await db.select({ code: regions.code, name: regions.name, level: regions.level }).from(regions).where(inArray(regions.code, upward)).all()
    : [];
  const byCode = new Map([...up, ...rows].map((r) => [r.code, r]));
  // Nearest first: the report's own region, then its children and parent, then further away; the code breaks ties.
  const distance = (code: string) => treeDistance(currentRegion, code);
  return [...byCode.values()]
    .sort((a, b) => distance(a.code) - distance(b.code) || a.code.localeCompare(b.code))
    .map((r) => ({ code: r.code, label: regionTitle(r), level: r.level }));
}

/** Steps between two regions in the Kemendagri tree (up to the common ancestor, then down). */
function treeDistance(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  let common = 0;
  while (common < pa.length && common < pb.length && pa[common] === pb[common]) common += 1;
  return pa.length - common + (pb.length - common);
}

function toMachineAction(form: HandlerActionForm, target?: { code: string; label: string }): ComplaintAction {
  switch (form.action) {
    case 'verifikasi':
      return { type: 'verifikasi', note: form.note };
    case 'tolak':
      return { type: 'tolak', reason: form.reason };
    case 'teruskan':
      return { type: 'teruskan', reason: form.reason, targetRegion: target, agency: target ? undefined : form.agency };
    case 'disposisi':
      return { type: 'disposisi', targetRegion: target!, unit: form.unit, instruction: form.instruction };
    case 'tindak_lanjut':
      return { type: 'tindak_lanjut', answer: form.answer };
    case 'selesaikan':
      return { type: 'selesaikan', note: form.note };
    case 'arsipkan':
      return { type: 'arsipkan', reason: form.reason };
  }
}

/** A handler's action on a report, audited in the same batch (the summary never names the reporter). */
export async function handlerAct(deps: ComplaintDeps, ctx: ActionContext, id: string, form: HandlerActionForm, expectedVersion?: number) {
  const { db } = deps;
  const row = await reportForHandler(db, ctx.actor, id);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError('conflict', 'Laporan ini baru saja diubah oleh petugas lain. Periksa keadaan terbarunya lalu ulangi tindakan Anda.');
  }
  let target: { code: string; label: string } | undefined;
  const targetCode = form.action === 'disposisi' || form.action === 'teruskan' ? form.target_region : undefined;
  if (targetCode) {
    const allowed = await dispositionTargets(db, ctx.actor, row.regionCode);
    const hit = allowed.find((r) => r.code === targetCode);
    if (!hit) {
      throw new AppError('validation', 'Wilayah tujuan di luar jangkauan Anda. Teruskan ke wilayah di atasnya bila perlu.', {
        fieldErrors: [{ field: 'target_region', message: 'Pilih wilayah dalam jangkauan Anda, atau wilayah di atasnya.' }],
      });
    }
    target = { code: hit.code, label: hit.label };
  }
  // The same disposition twice (a double tap, a resent form) changes nothing and never doubles the citizen's timeline.
  if (form.action === 'disposisi' && row.status === 'didisposisikan' && target?.code === row.regionCode && (row.unit ?? '') === form.unit) {
    throw new AppError('conflict', `Laporan ini sudah didisposisikan ke ${form.unit} (${target.label}). Tidak ada yang diubah.`);
  }
  const actor = await handlerActor(db, ctx.actor, row.regionCode);
  const action = toMachineAction(form, target);
  const result = await applyAction(deps, row, action, 'petugas', actor, ctx.now, {
    statements: ({ state }) => [
      auditInsert(db, ctx, {
        action: `complaint.${form.action}`,
        regionCode: row.regionCode,
        entityType: 'complaint',
        entityId: row.id,
        summary: `Pengaduan ${row.ticket}: ${ACTION_LABELS[form.action]} (${STATUS_LABELS[row.status]} → ${STATUS_LABELS[state.status]})`,
        before: { status: row.status, region: row.regionCode },
        after: { status: state.status, region: state.regionCode, unit: state.unit },
      }),
    ],
  });
  // Where the report went, and whether this handler still sees it (it does not after a move outside its area).
  const movedTo = target && result.state.regionCode !== row.regionCode ? target : undefined;
  const stillVisible = handlerRoots(ctx.actor.kind === 'user' ? ctx.actor.memberships : []).some((r) => isWithin(result.state.regionCode, r));
  return { ticket: row.ticket, status: result.state.status, unit: result.state.unit, movedTo, stillVisible };
}

export async function handlerAttachment(db: Db, actor: Actor, id: string, attachmentId: string) {
  const row = await reportForHandler(db, actor, id);
  const att = /^[0-9A-Z]{26}$/.test(attachmentId) ? await findAttachment(db, row.id, attachmentId) : undefined;
  if (!att) throw new AppError('not_found', 'Foto tidak ditemukan.');
  return att;
}
