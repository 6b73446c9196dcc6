/**
 * The requester's side after filing: access with the tracking number and private code (rate-limited, one answer for
 * "no such number" and "wrong code"), fixing what the officer asked (new uploads, a note) and cancelling.
 */
import type { Db } from '../../db/client';
import { letterAttachments, type LetterRequestRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { rateLimit } from '../../lib/rate-limit';
import { applyLetterAction, type LetterDeps } from './actions';
import { privateCodeMatches } from './codes';
import { findRequestByNumber } from './repo';
import { REQUESTER_ACTOR } from './submit';
import { storeUploads, type RequirementUpload } from './uploads';

/** Per client IP: new requests, requester actions, requests carrying a private code. */
export const SUBMIT_LIMIT = { limit: 10, windowMs: 10 * 60_000 };
export const ACTION_LIMIT = { limit: 30, windowMs: 10 * 60_000 };
export const CODE_LIMIT = { limit: 120, windowMs: 15 * 60_000 };

const NOT_MATCHING = 'Nomor permohonan atau kode pribadi tidak cocok. Periksa kembali keduanya.';

export async function requesterAccess(db: Db, trackingNumber: string, code: string, ip: string, now: number): Promise<LetterRequestRow> {
  await rateLimit(db, `letter-code:${ip}`, CODE_LIMIT.limit, CODE_LIMIT.windowMs, now);
  const row = await findRequestByNumber(db, trackingNumber);
  const ok = await privateCodeMatches(code, row?.secretHash ?? '0'.repeat(64));
  if (!row || !ok) throw new AppError('not_found', NOT_MATCHING);
  return row;
}

export async function requesterFix(deps: LetterDeps, row: LetterRequestRow, uploads: RequirementUpload[], note: string | undefined, ip: string, now: number) {
  await rateLimit(deps.db, `letter-action:${ip}`, ACTION_LIMIT.limit, ACTION_LIMIT.windowMs, now);
  const stored = uploads.length ? await storeUploads(deps.files, row.id, uploads, now) : null;
  const seq = row.version + 1;
  return applyLetterAction(deps, row, { type: 'perbaiki', note }, 'pemohon', REQUESTER_ACTOR, now, {
    statements: () =>
      (stored?.stored ?? []).map((s) =>
        deps.db.insert(letterAttachments).values({
          id: s.id,
          requestId: row.id,
          regionCode: row.regionCode,
          requirementKey: s.requirementKey,
          eventSeq: seq,
          r2Key: s.key,
          mime: s.mime,
          size: s.bytes.length,
          sha256: s.sha256,
          createdAt: now,
        }),
      ),
    onFailure: stored ? stored.cleanup : undefined,
  });
}

export async function requesterCancel(deps: LetterDeps, row: LetterRequestRow, reason: string | undefined, ip: string, now: number) {
  await rateLimit(deps.db, `letter-action:${ip}`, ACTION_LIMIT.limit, ACTION_LIMIT.windowMs, now);
  return applyLetterAction(deps, row, { type: 'batalkan', reason }, 'pemohon', REQUESTER_ACTOR, now);
}
