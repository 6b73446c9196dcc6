/**
 * Filing a letter request exactly once — from the public form, the JSON API or an officer at the counter (walk-in):
 * one flow, one register, one numbering. The idempotency row, the request (NIK, KK and contact sealed with the data
 * key), its first timeline entry and its upload rows are one atomic batch. A replay (same key, same content) answers
 * with the same tracking number and private code.
 */
import { letterAttachments, letterRequests, type LetterRequestRow, type RegionRow } from '../../db/schema';
import { seal } from '../../lib/data-key';
import { AppError, type FieldError } from '../../lib/errors';
import { requestHash, submitOnce } from '../../lib/idempotency';
import { newId, randomToken } from '../../lib/ids';
import { type NotifyChoice, sealSubscription, subscriptionInsert } from '../../messaging/citizen-notice';
import { notify, type LetterDeps } from './actions';
import { derivePrivateCode, hashPrivateCode, newTrackingNumber } from './codes';
import { catalogueEntry, findRequestByNumber, levelOf } from './repo';
import type { RequestInput } from './schemas';
import { initialState } from './status-machine';
import { eventInsert, isUniqueViolation, type EventActor } from './store';
import { fieldsSchema, type TemplateContent } from './template';
import { storeUploads, type RequirementUpload } from './uploads';

export const IDEMPOTENCY_SCOPE = 'letter';
export const REQUESTER_ACTOR: EventActor = { type: 'pemohon', id: null, label: 'Pemohon', name: null };

export interface SubmitResult {
  trackingNumber: string;
  code: string;
  created: boolean;
  request: LetterRequestRow;
}

/** Seal contexts: a ciphertext opens only on its own row and column. */
export const sealContext = (requestId: string, column: 'nik' | 'kk' | 'contact') => `letter:${requestId}:${column}`;

/** Field errors (`f_<key>`) of the letter's own fields against a template; empty when they are fine. */
export function letterFieldErrors(content: TemplateContent, fields: Record<string, string>): FieldError[] {
  const parsed = fieldsSchema(content.fields).safeParse(fields);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: `f_${i.path.join('.')}`, message: i.message }));
}

/** The letter's own fields checked against the catalogue entry's template; 422 with `f_<key>` field errors. */
function checkLetterFields(fields: Record<string, string>, content: TemplateContent) {
  const parsed = fieldsSchema(content.fields).safeParse(fields);
  if (parsed.success) return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Record<string, string>;
  throw new AppError('validation', 'Periksa kembali isian yang ditandai.', { fieldErrors: letterFieldErrors(content, fields) });
}

export async function submitRequest(
  deps: LetterDeps,
  region: Pick<RegionRow, 'code' | 'level' | 'name'>,
  input: RequestInput,
  uploads: RequirementUpload[],
  opts: {
    key?: string;
    keyWithContent?: boolean;
    now: number;
    channel: 'portal' | 'loket';
    actor?: EventActor;
    isDemo?: boolean;
    /** The requester's opt-in to status messages (stored sealed in the same batch). */
    notify?: NotifyChoice | null;
  },
): Promise<SubmitResult> {
  const { db } = deps;
  const entry = levelOf(region) ? await catalogueEntry(db, region, input.service) : null;
  if (!entry || !entry.enabled) {
    throw new AppError('validation', 'Periksa kembali isian yang ditandai.', {
      fieldErrors: [{ field: 'service', message: 'Jenis surat ini tidak tersedia di wilayah ini. Pilih dari daftar layanan.' }],
    });
  }
  if (entry.delivery !== 'keduanya' && entry.delivery !== input.delivery) {
    throw new AppError('validation', 'Periksa kembali isian yang ditandai.', {
      fieldErrors: [{ field: 'delivery', message: entry.delivery === 'ambil' ? 'Surat ini hanya dapat diambil di kantor.' : 'Surat ini hanya dapat diunduh.' }],
    });
  }
  const fields = checkLetterFields(input.fields, entry.content);
  const cal = await deps.calendar();
  const hash = await requestHash({ ...input, fields, uploads: uploads.map((u) => `${u.requirementKey}:${u.sha256}`), notify: opts.notify ?? null });
  const base = opts.key ?? randomToken(18);
  const key = opts.keyWithContent ? `${base}-${hash.slice(0, 32)}` : base;
  const code = await derivePrivateCode(deps.secret, IDEMPOTENCY_SCOPE, key, hash);
  const now = opts.now;
  const state = initialState(now, entry.serviceDays, cal);
  const actor = opts.actor ?? REQUESTER_ACTOR;

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
          const trackingNumber = newTrackingNumber();
          const { stored, cleanup } = await storeUploads(deps.files, id, uploads, now);
          held.cleanup = cleanup;
          const subscription = opts.notify ? await sealSubscription(deps.dataKeys, 'surat', id, opts.notify, now) : null;
          const [nikSealed, kkSealed, contactSealed] = await Promise.all([
            seal(deps.dataKeys, input.nik, sealContext(id, 'nik')),
            seal(deps.dataKeys, input.kk, sealContext(id, 'kk')),
            seal(deps.dataKeys, input.phone, sealContext(id, 'contact')),
          ]);
          const statements = [
            db.insert(letterRequests).values({
              id,
              trackingNumber,
              regionCode: region.code,
              templateId: entry.templateId,
              templateVersion: entry.version,
              channel: opts.channel,
              delivery: input.delivery,
              status: state.status,
              version: 1,
              applicantName: input.name,
              nikSealed,
              kkSealed,
              contactSealed,
              birthPlace: input.birth_place,
              birthDate: input.birth_date,
              gender: input.gender,
              occupation: input.occupation ?? '',
              address: input.address,
              rt: input.rt,
              rw: input.rw,
              fields: JSON.stringify(fields),
              secretHash: await hashPrivateCode(code),
              submittedAt: now,
              dueAt: state.dueAt,
              clockFrom: state.clockFrom,
              clockDays: state.clockDays,
              isDemo: opts.isDemo ?? false,
              createdAt: now,
              updatedAt: now,
            }),
            eventInsert(
              db,
              id,
              region.code,
              1,
              now,
              {
                kind: 'dibuat',
                fromStatus: null,
                toStatus: 'diajukan',
                noteRequester: null,
                noteInternal: opts.channel === 'loket' ? 'Didaftarkan petugas di loket.' : null,
              },
              actor,
            ),
            ...(subscription ? [subscriptionInsert(db, subscription)] : []),
            ...stored.map((s) =>
              db.insert(letterAttachments).values({
                id: s.id,
                requestId: id,
                regionCode: region.code,
                requirementKey: s.requirementKey,
                eventSeq: 1,
                r2Key: s.key,
                mime: s.mime,
                size: s.bytes.length,
                sha256: s.sha256,
                createdAt: now,
              }),
            ),
          ];
          return { ref: trackingNumber, statements, result: null };
        },
      });
      if (!res.created && held.cleanup) await held.cleanup();
      const request = await findRequestByNumber(db, res.ref);
      if (!request) throw new Error(`idempotency ref ${res.ref} has no letter request`);
      if (res.created) {
        await deps.purge(region.code);
        await notify(deps, {
          requestId: request.id,
          trackingNumber: request.trackingNumber,
          regionCode: region.code,
          seq: 1,
          delivery: request.delivery,
          from: null,
          to: 'diajukan',
          at: now,
        });
      }
      return { trackingNumber: res.ref, code, created: res.created, request };
    } catch (err) {
      if (held.cleanup) await held.cleanup();
      if (attempt < 4 && !(err instanceof AppError) && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}
