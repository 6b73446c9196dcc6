/**
 * Officer-side PPID rules: process, extend, answer (with an optional document in R2), record the atasan PPID's
 * decision on an objection and a dispute at the Komisi Informasi. Every write is authorised (404 outside the actor's
 * regions), checked by the state machine, guarded against a concurrent change and audited in the same batch.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { infoObjections, infoRequestEvents, infoRequests, type InfoRequestRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { safeDownloadName, sniffFileType } from '../../lib/file-type';
import { newId } from '../../lib/ids';
import { formatWeekdayDate } from '../../lib/time';
import { authorize } from '../../regions/guard';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { DECISION_LABELS, OUTCOME_LABELS } from './labels';
import { findObjection, findRequestById, loadCalendar } from './repo';
import type { z } from 'zod';
import type { AnswerForm, DecideObjectionForm, ExtendForm } from './schemas';
import { stateOf } from './service';
import { transition, type RequestEvent } from './state';

export interface OfficerDeps {
  db: Db;
  files: R2Bucket;
  maxUploadBytes: number;
}

const STALE = 'Permohonan ini baru saja diubah oleh petugas lain. Muat ulang halaman lalu coba lagi.';

/** Loads a request the actor may handle: unknown ids and ids outside the actor's regions are both 404. */
export async function loadForOfficer(db: Db, ctx: ActionContext, id: string) {
  if (!/^[0-9A-Z]{26}$/.test(id)) throw new AppError('not_found', 'Permohonan tidak ditemukan.');
  const row = await findRequestById(db, id);
  if (!row) throw new AppError('not_found', 'Permohonan tidak ditemukan.');
  await authorize(db, ctx.actor, 'ppid.handle', row.regionCode);
  const objection = (await findObjection(db, row.regionCode, row.id)) ?? null;
  return { row, objection };
}

/**
 * Timeline entry that only lands when the guarded update RIGHT BEFORE it in the same batch really changed the row
 * (SQLite's changes() still reports that statement): otherwise its request_id is NULL, the NOT NULL constraint
 * fails and D1 rolls back the whole batch, audit row included. Two simultaneous clicks: exactly one wins.
 */
function guardedEvent(db: Db, row: InfoRequestRow, ctx: ActionContext, kind: string, actorRole: 'ppid' | 'atasan', note: string) {
  return db.insert(infoRequestEvents).values({
    id: newId(ctx.now),
    regionCode: row.regionCode,
    requestId: sql`(SELECT id FROM info_requests WHERE id = ${row.id} AND changes() > 0)`,
    at: ctx.now,
    kind,
    actorRole,
    note: note.slice(0, 2000),
  });
}

async function run(db: Db, statements: BatchItem<'sqlite'>[]) {
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (err) {
    if (err instanceof Error && /NOT NULL.*info_request_events\.request_id/i.test(`${err.message} ${String(err.cause ?? '')}`)) {
      throw new AppError('conflict', STALE);
    }
    throw err;
  }
}

function guardOf(row: InfoRequestRow) {
  return and(eq(infoRequests.id, row.id), eq(infoRequests.updatedAt, row.updatedAt), eq(infoRequests.status, row.status));
}

async function next(db: Db, ctx: ActionContext, row: InfoRequestRow, objection: Awaited<ReturnType<typeof loadForOfficer>>['objection'], e: RequestEvent) {
  // `updated_at` is the optimistic-lock version: a new value must differ from the one the guard compares against.
  if (ctx.now <= row.updatedAt) ctx = { ...ctx, now: row.updatedAt + 1 };
  const result = transition(stateOf(row, objection), e, ctx.now, await loadCalendar(db));
  if (!result.ok) throw new AppError('conflict', result.reason);
  return { state: result.state, ctx };
}

export async function processRequest(db: Db, ctx0: ActionContext, id: string) {
  const { row, objection } = await loadForOfficer(db, ctx0, id);
  const { state, ctx } = await next(db, ctx0, row, objection, { type: 'process' });
  await run(db, [
    db.update(infoRequests).set({ status: state.status, processedAt: ctx.now, updatedAt: ctx.now }).where(guardOf(row)),
    guardedEvent(db, row, ctx, 'diproses', 'ppid', ''),
    auditInsert(db, ctx, {
      action: 'ppid.request.process',
      regionCode: row.regionCode,
      entityType: 'info_request',
      entityId: row.id,
      summary: `Permohonan ${row.number} diproses`,
      before: { status: row.status },
      after: { status: state.status },
    }),
  ]);
}

export async function extendRequest(db: Db, ctx0: ActionContext, id: string, input: z.output<typeof ExtendForm>) {
  const { row, objection } = await loadForOfficer(db, ctx0, id);
  const { state, ctx } = await next(db, ctx0, row, objection, { type: 'extend', days: input.days, reason: input.reason });
  await run(db, [
    db
      .update(infoRequests)
      .set({
        status: state.status,
        extendedAt: ctx.now,
        extensionDays: input.days,
        extensionReason: input.reason,
        dueAt: state.dueAt,
        processedAt: row.processedAt ?? ctx.now,
        updatedAt: ctx.now,
      })
      .where(guardOf(row)),
    guardedEvent(
      db,
      row,
      ctx,
      'diperpanjang',
      'ppid',
      `Diperpanjang ${input.days} hari kerja sampai ${formatWeekdayDate(state.dueAt)}. Alasan: ${input.reason}`,
    ),
    auditInsert(db, ctx, {
      action: 'ppid.request.extend',
      regionCode: row.regionCode,
      entityType: 'info_request',
      entityId: row.id,
      summary: `Permohonan ${row.number} diperpanjang ${input.days} hari kerja`,
      before: { status: row.status, due_at: row.dueAt },
      after: { status: state.status, due_at: state.dueAt, days: input.days },
    }),
  ]);
  return state;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Answers the request; an attached document is sniffed by its bytes and stored under ppid/ in R2. */
export async function answerRequest(d: OfficerDeps, ctx0: ActionContext, id: string, input: z.output<typeof AnswerForm>, file: UploadedFile | null) {
  const { db } = d;
  const { row, objection } = await loadForOfficer(db, ctx0, id);
  const { state, ctx } = await next(db, ctx0, row, objection, { type: 'answer', decision: input.decision, refusalBasis: input.refusal_basis });
  let doc: { key: string; mime: string; name: string; size: number } | null = null;
  if (file) {
    if (file.bytes.byteLength === 0) throw fileError('Berkas jawaban kosong.');
    if (file.bytes.byteLength > d.maxUploadBytes)
      throw fileError(`Berkas jawaban terlalu besar (maksimal ${Math.floor(d.maxUploadBytes / 1048576)} MB).`, 'payload_too_large');
    const type = sniffFileType(file.bytes);
    if (!type) throw fileError('Jenis berkas tidak didukung. Unggah PDF, gambar (JPG/PNG) atau dokumen Office.', 'unsupported_media_type');
    const key = `ppid/${row.regionCode}/${row.id}/${newId(ctx.now)}.${type.ext}`;
    doc = { key, mime: type.mime, name: safeDownloadName(file.name || `jawaban-${row.number}`, type.ext), size: file.bytes.byteLength };
    await d.files.put(key, file.bytes, { httpMetadata: { contentType: type.mime } });
  }
  const ditolak = input.decision === 'ditolak';
  try {
    await run(db, [
      db
        .update(infoRequests)
        .set({
          status: state.status,
          answeredAt: ctx.now,
          decision: input.decision,
          answerNote: input.answer_note,
          refusalReason: ditolak ? (input.refusal_reason ?? null) : null,
          refusalBasis: ditolak ? (input.refusal_basis ?? null) : null,
          answerDocKey: doc?.key ?? null,
          answerDocMime: doc?.mime ?? null,
          answerDocName: doc?.name ?? null,
          answerDocSize: doc?.size ?? null,
          answeredBy: ctx.actor.id,
          processedAt: row.processedAt ?? ctx.now,
          updatedAt: ctx.now,
        })
        .where(guardOf(row)),
      guardedEvent(
        db,
        row,
        ctx,
        'dijawab',
        'ppid',
        `Keputusan: ${DECISION_LABELS[input.decision]}${ditolak ? ` (${input.refusal_basis})` : ''}${doc ? '. Dokumen jawaban dilampirkan.' : ''}`,
      ),
      auditInsert(db, ctx, {
        action: 'ppid.request.answer',
        regionCode: row.regionCode,
        entityType: 'info_request',
        entityId: row.id,
        summary: `Permohonan ${row.number} dijawab: ${DECISION_LABELS[input.decision]}`,
        before: { status: row.status },
        after: { status: state.status, decision: input.decision, late: ctx.now > row.dueAt, document: doc ? { mime: doc.mime, size: doc.size } : null },
      }),
    ]);
  } catch (err) {
    if (doc) await d.files.delete(doc.key).catch(() => undefined);
    throw err;
  }
  return state;
}

function fileError(message: string, code: 'validation' | 'payload_too_large' | 'unsupported_media_type' = 'validation') {
  return new AppError(code, message, { fieldErrors: [{ field: 'document', message }] });
}

/** Records the atasan PPID's decision (policy action 'ppid.objection.decide'). */
export async function decideObjection(db: Db, ctx0: ActionContext, id: string, input: z.output<typeof DecideObjectionForm>) {
  const { row, objection } = await loadForOfficer(db, ctx0, id);
  await authorize(db, ctx0.actor, 'ppid.objection.decide', row.regionCode);
  const { state, ctx } = await next(db, ctx0, row, objection, { type: 'decide_objection', outcome: input.outcome });
  const o = objection!;
  await run(db, [
    db.update(infoRequests).set({ updatedAt: ctx.now }).where(guardOf(row)),
    guardedEvent(db, row, ctx, 'keberatan_diputus', 'atasan', `${OUTCOME_LABELS[input.outcome]}. ${input.decision_note}`),
    db
      .update(infoObjections)
      .set({
        status: 'diputus',
        decidedAt: ctx.now,
        outcome: input.outcome,
        decisionNote: input.decision_note,
        decidedByName: input.decided_by_name,
        decidedBy: ctx.actor.id,
        updatedAt: ctx.now,
      })
      .where(and(eq(infoObjections.id, o.id), eq(infoObjections.status, 'diajukan'))),
    auditInsert(db, ctx, {
      action: 'ppid.objection.decide',
      regionCode: row.regionCode,
      entityType: 'info_request',
      entityId: row.id,
      summary: `Keberatan atas ${row.number} diputus: ${OUTCOME_LABELS[input.outcome]}`,
      before: { objection: 'diajukan' },
      after: { objection: 'diputus', outcome: input.outcome, late: ctx.now > o.dueAt },
    }),
  ]);
  return state;
}

/** Notes that the requester took the dispute to the Komisi Informasi. */
export async function recordCommission(db: Db, ctx0: ActionContext, id: string, note: string | undefined) {
  const { row, objection } = await loadForOfficer(db, ctx0, id);
  const { state, ctx } = await next(db, ctx0, row, objection, { type: 'record_commission' });
  const o = objection!;
  await run(db, [
    db.update(infoRequests).set({ updatedAt: ctx.now }).where(guardOf(row)),
    guardedEvent(db, row, ctx, 'komisi', 'ppid', note ?? ''),
    db
      .update(infoObjections)
      .set({ commissionAt: ctx.now, commissionNote: note ?? null, updatedAt: ctx.now })
      .where(eq(infoObjections.id, o.id)),
    auditInsert(db, ctx, {
      action: 'ppid.objection.commission',
      regionCode: row.regionCode,
      entityType: 'info_request',
      entityId: row.id,
      summary: `Sengketa informasi ${row.number} diajukan ke Komisi Informasi`,
    }),
  ]);
  return state;
}
