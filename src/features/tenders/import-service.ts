// CSV import of SiRUP/SPSE exports, in two steps: a preview (every row checked, errors with their row numbers,
// counts of new, changed and unchanged packages; the checked rows wait in R2 under a server-made key) and then the
// import itself in chunks from a cursor, each chunk one request within D1's limits (≤ 90 codes per lookup, ≤ 100
// statements per batch). Idempotent by source + code: a package whose content is the same is not written at all, so
// importing the same file again changes nothing (no new `updated_at`). Only `tender.regency` holders import.
import { and, desc, eq } from 'drizzle-orm';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages } from '../../cache/purge';
import { REGENCY } from '../../config';
import type { Db } from '../../db/client';
import { tenderImports, type TenderImportRow } from '../../db/schema';
import { CsvSyntaxError, parseCsv } from '../../lib/csv';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { authorize } from '../../regions/guard';
import { listAllRegions } from '../../regions/repo';
import { contentHash, contentOfRow } from './content';
import { mapHeader, mergeImported, parseImportRows, type ImportError, type ImportRow, type ImportSource } from './import-csv';
import type { TenderDeps } from './service';
import { findStoredByCodes, planUpsert, runGroups, type Statement } from './store';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** Rows per import request: ≤ 4 statements each plus the progress row, so two D1 batches and a handful of reads. */
export const IMPORT_CHUNK = 40;

interface StoredImport {
  source: ImportSource;
  rows: ImportRow[];
  errors: ImportError[];
}

const fileError = (message: string) => new AppError('validation', message, { fieldErrors: [{ field: 'file', message }] });

/** CSV text of an upload: UTF-8 (with or without BOM), else Windows-1252 as older Excel saves it. Refuses spreadsheets and binaries. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    throw fileError('Berkas ini berkas Excel (.xlsx), bukan CSV. Di Excel pilih Simpan Sebagai → CSV UTF-8, lalu unggah lagi.');
  if (bytes.includes(0)) throw fileError('Berkas ini bukan teks CSV. Ekspor data dari SiRUP/SPSE sebagai CSV lalu unggah lagi.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('windows-1252').decode(bytes);
    } catch {
      return String.fromCharCode(...bytes);
    }
  }
}

const rowsKey = (id: string) => `imports/tenders/${id}.json`;

async function counts(db: Db, source: ImportSource, rows: readonly ImportRow[]) {
  const out = { created: 0, changed: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += 90) {
    const part = rows.slice(i, i + 90);
    const stored = await findStoredByCodes(
      db,
      source,
      REGENCY.code,
      part.map((r) => r.patch.externalCode),
    );
    for (const r of part) {
      const s = stored.get(r.patch.externalCode);
      if (!s) out.created++;
      else {
        const same =
          s.row.deletedAt === null &&
          (await contentHash(mergeImported(source, REGENCY.code, contentOfRow(s.row, s.locationCodes), r.patch))) === s.row.contentHash;
        if (same) out.unchanged++;
        else out.changed++;
      }
    }
  }
  return out;
}

/** Step 1: reads and checks the file, stores the checked rows and answers the preview's id. */
export async function previewImport(deps: TenderDeps, file: { name: string; bytes: Uint8Array }, ctx: ActionContext): Promise<string> {
  await authorize(deps.db, ctx.actor, 'tender.regency', REGENCY.code);
  if (file.bytes.byteLength === 0) throw fileError('Berkas kosong. Pilih berkas CSV hasil ekspor SiRUP atau SPSE.');
  if (file.bytes.byteLength > IMPORT_MAX_BYTES) throw fileError('Berkas lebih dari 5 MB. Bagi ekspornya menjadi beberapa berkas.');
  let records: string[][];
  try {
    records = parseCsv(decodeCsv(file.bytes), { maxRecords: IMPORT_MAX_ROWS + 1 });
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw fileError(`Berkas CSV rusak: ${err.message}`);
    throw err;
  }
  const header = mapHeader(records[0] ?? []);
  if (!header.ok) throw fileError(header.message);
  const regions = await listAllRegions(deps.db);
  const parsed = parseImportRows(records.slice(1), header.map, regions, REGENCY.code);
  if (parsed.total === 0) throw fileError('Berkas tidak berisi baris data di bawah baris judul.');
  const c = await counts(deps.db, parsed.source, parsed.rows);
  const id = newId(ctx.now);
  const stored: StoredImport = { source: parsed.source, rows: parsed.rows, errors: parsed.errors };
  await deps.files.put(rowsKey(id), JSON.stringify(stored), { httpMetadata: { contentType: 'application/json' } });
  await deps.db.batch([
    deps.db.insert(tenderImports).values({
      id,
      source: parsed.source,
      fileName: file.name.replace(/[^\p{L}\p{N} ._()-]+/gu, '_').slice(0, 120) || 'impor.csv',
      rowsKey: rowsKey(id),
      totalRows: parsed.total,
      validRows: parsed.rows.length,
      errorRows: parsed.errors.length,
      createdCount: c.created,
      changedCount: c.changed,
      unchangedCount: c.unchanged,
      createdBy: ctx.actor.id ?? 'sistem',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }),
    auditInsert(deps.db, ctx, {
      action: 'tender.import.preview',
      regionCode: REGENCY.code,
      entityType: 'tender_import',
      entityId: id,
      summary: `Memeriksa berkas impor ${parsed.source === 'spse' ? 'SPSE' : 'SiRUP'}: ${parsed.total} baris, ${parsed.errors.length} salah`,
      after: { ...c, errors: parsed.errors.length },
    }),
  ]);
  return id;
}

/** An import of the regency (404 for anyone without `tender.regency`). */
export async function loadImport(db: Db, ctx: ActionContext, id: string): Promise<TenderImportRow> {
  await authorize(db, ctx.actor, 'tender.regency', REGENCY.code).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'forbidden' ? new AppError('not_found', 'Impor tidak ditemukan.') : err;
  });
  const row = await db.select().from(tenderImports).where(eq(tenderImports.id, id)).get();
  if (!row) throw new AppError('not_found', 'Impor tidak ditemukan.');
  return row;
}

export async function importErrors(deps: TenderDeps, row: TenderImportRow): Promise<ImportError[]> {
  const obj = await deps.files.get(row.rowsKey);
  return obj ? ((await obj.json()) as StoredImport).errors : [];
}

export async function recentImports(db: Db) {
  return db.select().from(tenderImports).orderBy(desc(tenderImports.createdAt)).limit(10).all();
}

/**
 * Step 2, one chunk: imports the next rows from the cursor and moves it. Safe to repeat: unchanged packages are not
 * written, and a chunk another request already took (cursor moved) imports nothing.
 */
export async function runImportChunk(deps: TenderDeps, id: string, ctx: ActionContext): Promise<TenderImportRow> {
  const imp = await loadImport(deps.db, ctx, id);
  if (imp.status === 'selesai') return imp;
  const obj = await deps.files.get(imp.rowsKey);
  if (!obj) throw new AppError('conflict', 'Data impor ini sudah tidak tersedia. Unggah berkasnya lagi.');
  const data = (await obj.json()) as StoredImport;
  const chunk = data.rows.slice(imp.cursor, imp.cursor + IMPORT_CHUNK);
  const stored = await findStoredByCodes(
    deps.db,
    imp.source,
    REGENCY.code,
    chunk.map((r) => r.patch.externalCode),
  );
  const groups: Statement[][] = [];
  const purge = new Set<string>();
  const done = { created: 0, changed: 0 };
  for (const r of chunk) {
    const s = stored.get(r.patch.externalCode) ?? null;
    const content = mergeImported(imp.source, REGENCY.code, s ? contentOfRow(s.row, s.locationCodes) : null, r.patch);
    const planned = await planUpsert(deps.db, ctx, content, s, {
      auditAction: s ? 'tender.import.update' : 'tender.import.create',
      summary: `Impor ${imp.source === 'spse' ? 'SPSE' : 'SiRUP'} baris ${r.row}: paket “${content.name}” (${content.externalCode})`,
    });
    if (planned.outcome === 'created') done.created++;
    if (planned.outcome === 'changed') done.changed++;
    if (planned.statements.length) groups.push(planned.statements);
    for (const code of planned.purgeCodes) purge.add(code);
  }
  const cursor = imp.cursor + chunk.length;
  const finished = cursor >= data.rows.length;
  try {
    await runGroups(deps.db, groups);
  } catch (err) {
    // Another request imported these rows at the same moment (a new code inserted twice): its result stands.
    if (/UNIQUE constraint failed/i.test(`${String(err)} ${String((err as { cause?: unknown }).cause ?? '')}`)) return loadImport(deps.db, ctx, id);
    throw err;
  }
  // Then the cursor (only from where this request read it) and the progress counts.
  const progress = deps.db
    .update(tenderImports)
    .set({ cursor, status: finished ? 'selesai' : 'berjalan', updatedAt: ctx.now })
    .where(and(eq(tenderImports.id, id), eq(tenderImports.cursor, imp.cursor)));
  const summary = auditInsert(deps.db, ctx, {
    action: 'tender.import.chunk',
    regionCode: REGENCY.code,
    entityType: 'tender_import',
    entityId: id,
    summary: `Impor baris ${imp.cursor + 1}–${cursor} dari ${data.rows.length}: ${done.created} baru, ${done.changed} berubah`,
  });
  await deps.db.batch([progress, summary]);
  for (const code of purge) await purgeRegionPages(deps, code, ctx.requestId);
  return loadImport(deps.db, ctx, id);
}
