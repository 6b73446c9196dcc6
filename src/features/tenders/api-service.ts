// Partner writes of regency packages (scope tenders:write): an upsert by source + external code, and a batch of up to
// 100 with a result per item. The same content changes nothing (no statement, no new `updated_at`); each write is
// audited in its own batch and purges the pages of the owner and location regions.
import type { ActionContext } from '../../auth/actor';
import { purgeRegionPages } from '../../cache/purge';
import { REGENCY } from '../../config';
import { AppError, type FieldError } from '../../lib/errors';
import { fieldErrorsOf } from '../../lib/validation';
import { touchContentUpdate } from '../../regions/freshness';
import { type PARTNER_SOURCES, TenderBatchItem, type TenderInputData } from './api-schemas';
import type { TenderContent } from './content';
import { checkLocations, type TenderDeps } from './service';
import { findStoredByCodes, planUpsert, type UpsertOutcome } from './store';

type PartnerSource = (typeof PARTNER_SOURCES)[number];

/** The content of a partner's package: always owned by the regency. */
async function contentOfInput(deps: TenderDeps, source: PartnerSource, code: string, d: TenderInputData): Promise<TenderContent> {
  return {
    source,
    externalCode: code,
    regionCode: REGENCY.code,
    name: d.name,
    ownerName: d.owner_name,
    procurementType: d.procurement_type,
    method: d.method,
    fiscalYear: d.fiscal_year,
    fundingSource: d.funding_source,
    pagu: d.pagu,
    hps: d.hps,
    declaredStatus: d.status,
    stageLabel: d.stage_label,
    schedule: d.schedule.map((w) => ({ stage: w.stage, s: w.start, e: w.end })),
    plannedFrom: null,
    plannedTo: null,
    winnerName: d.winner_name,
    contractValue: d.contract_value,
    contractStartAt: d.contract_start,
    contractEndAt: d.contract_end,
    locationText: d.location_text,
    locationCodes: await checkLocations(deps.db, d.location_codes),
    lat: d.lat,
    lng: d.lng,
    sourceUrl: d.source_url,
    description: d.description,
  };
}

const uniqueViolation = (err: unknown) => /UNIQUE constraint failed/i.test(`${String(err)} ${String((err as { cause?: unknown }).cause ?? '')}`);
const raced = () => new AppError('conflict', 'Paket ini sedang diubah oleh permintaan lain pada saat yang sama. Kirim ulang permintaan ini.');

/** One upsert: read, plan, write (a concurrent writer — 0 rows changed or a duplicate insert — is a 409). */
export async function upsertPackage(
  deps: TenderDeps,
  source: PartnerSource,
  code: string,
  input: TenderInputData,
  ctx: ActionContext,
): Promise<{ id: string; outcome: UpsertOutcome }> {
  const content = await contentOfInput(deps, source, code, input);
  const stored = (await findStoredByCodes(deps.db, source, REGENCY.code, [code])).get(code) ?? null;
  const label = source === 'spse' ? 'SPSE' : 'SiRUP';
  const planned = await planUpsert(deps.db, ctx, content, stored, {
    auditAction: stored ? 'tender.api.update' : 'tender.api.create',
    summary: `${stored ? 'Mengubah' : 'Menambahkan'} paket ${label} “${content.name}” (${code}) melalui API mitra ${ctx.actor.name}`,
  });
  if (planned.outcome === 'unchanged') return { id: planned.id, outcome: planned.outcome };
  const [first, ...rest] = [...planned.statements, touchContentUpdate(deps.db, REGENCY.code, ctx.now)];
  try {
    const [res] = await deps.db.batch([first!, ...rest]);
    if (planned.outcome === 'changed' && (res as D1Result).meta.changes === 0) throw raced();
  } catch (err) {
    if (uniqueViolation(err)) throw raced();
    throw err;
  }
  for (const regionCode of planned.purgeCodes) await purgeRegionPages(deps, regionCode, ctx.requestId);
  return { id: planned.id, outcome: planned.outcome };
}

export interface BatchItemResult {
  index: number;
  source: string | null;
  code: string | null;
  result: UpsertOutcome | 'error';
  id: string | null;
  errors: FieldError[];
}

const keyOf = (item: Record<string, unknown>, field: 'source' | 'code') => (typeof item[field] === 'string' ? (item[field] as string).slice(0, 60) : null);
const prefixed = (index: number, errors: readonly FieldError[]): FieldError[] =>
  errors.map((e) => ({ field: `items[${index}].${e.field}`, message: e.message }));

/** Each item is checked and written on its own: a bad or conflicting item fails alone, the others are written. */
export async function upsertBatch(deps: TenderDeps, items: readonly Record<string, unknown>[], ctx: ActionContext): Promise<BatchItemResult[]> {
  const seen = new Set<string>();
  const results: BatchItemResult[] = [];
  for (const [index, raw] of items.entries()) {
    const base = { index, source: keyOf(raw, 'source'), code: keyOf(raw, 'code'), id: null };
    const parsed = TenderBatchItem.safeParse(raw);
    if (!parsed.success) {
      results.push({ ...base, result: 'error', errors: prefixed(index, fieldErrorsOf(parsed.error)) });
      continue;
    }
    const { source, code, ...input } = parsed.data;
    const key = `${source}/${code}`;
    if (seen.has(key)) {
      results.push({ ...base, result: 'error', errors: prefixed(index, [{ field: 'code', message: `Paket ${key} sudah ada di batch ini.` }]) });
      continue;
    }
    seen.add(key);
    try {
      const done = await upsertPackage(deps, source, code, input, ctx);
      results.push({ ...base, result: done.outcome, id: done.id, errors: [] });
    } catch (err) {
      if (!(err instanceof AppError) || !['validation', 'conflict'].includes(err.code)) throw err;
      const errors = err.fieldErrors.length ? err.fieldErrors : [{ field: 'code', message: err.message }];
      results.push({ ...base, result: 'error', errors: prefixed(index, errors) });
    }
  }
  return results;
}
