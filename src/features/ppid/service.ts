/**
 * Requester-side PPID rules: register a request exactly once, follow it with the private code, object to the
 * outcome. No Hono here; personal data never goes to the audit log, the timeline or any public output.
 */
import { eq } from 'drizzle-orm';
import { type NotifyChoice, sealSubscription, subscriptionInsert } from '../../messaging/citizen-notice';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client';
import { infoObjections, infoRequestEvents, infoRequests, type InfoObjectionRow, type InfoRequestRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { findIdempotent, submitOnce } from '../../lib/idempotency';
import { hmac } from '../../lib/jwt';
import { newId } from '../../lib/ids';
import { rateLimit } from '../../lib/rate-limit';
import { sameDigest } from '../../lib/reference-codes';
import type { HolidayCalendar } from '../../lib/working-days';
import { PUBLIC_ACTOR, type ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { GROUND_LABELS } from './labels';
import { findObjection, findRequestByNumber, listEvents, loadCalendar } from './repo';
import type { InfoRequestInput } from './schemas';
import type { Keyring } from '../../lib/keyring';
import { codeHash, lastFour, newRequestNumber, privateCodeFor, sealIdentity } from './secrets';
import { initialState, transition, type ObjectionGround, type RequestState } from './state';

export const REQUEST_SCOPE = 'info_request';
/** Per IP: new requests per hour, and private-code checks per 15 minutes (brute force). */
export const SUBMIT_LIMIT = { limit: 10, windowMs: 60 * 60 * 1000 };
export const CODE_CHECK_LIMIT = { limit: 20, windowMs: 15 * 60 * 1000 };

export interface PublicDeps {
  db: Db;
  /** Form/code MACs (never used to encrypt). */
  secret: string;
  /** Seals the identity number (src/lib/data-key.ts). */
  dataKeys: Keyring;
  now: number;
  requestId: string | null;
}

export interface SubmitResult {
  number: string;
  code: string;
  regionCode: string;
  registeredAt: number;
  dueAt: number;
  created: boolean;
}

/** The state-machine view of stored rows. */
export function stateOf(r: InfoRequestRow, o: InfoObjectionRow | undefined | null): RequestState {
  return {
    status: r.status,
    registeredAt: r.registeredAt,
    originalDueAt: r.originalDueAt,
    dueAt: r.dueAt,
    extendedAt: r.extendedAt,
    extensionDays: r.extensionDays,
    answeredAt: r.answeredAt,
    decision: r.decision,
    objection: o ? { status: o.status, filedAt: o.filedAt, dueAt: o.dueAt, decidedAt: o.decidedAt, outcome: o.outcome, commissionAt: o.commissionAt } : null,
  };
}

function publicCtx(d: PublicDeps): ActionContext {
  return { actor: PUBLIC_ACTOR, requestId: d.requestId, now: d.now };
}

/**
 * Registers a request exactly once per idempotency key (form token or Idempotency-Key). A replay answers with the
 * same number and the same private code (derived from the key), so a double tap never loses the code.
 */
export async function submitRequest(
  d: PublicDeps,
  a: { regionCode: string; input: InfoRequestInput; key: string; ip: string; channel: 'web' | 'api'; notify?: NotifyChoice | null },
): Promise<SubmitResult> {
  // Keyed hash: the stored fingerprint cannot be brute-forced back to the identity number.
  const hash = await hmac(d.secret, 'form', `ppid-request:${JSON.stringify({ region: a.regionCode, ...a.input, notify: a.notify ?? null })}`);
  if (!(await findIdempotent(d.db, REQUEST_SCOPE, a.key))) {
    await rateLimit(d.db, `ppid:ip:${a.ip}`, SUBMIT_LIMIT.limit, SUBMIT_LIMIT.windowMs, d.now);
  }
  const code = await privateCodeFor(d.secret, REQUEST_SCOPE, a.key);
  let cal: HolidayCalendar | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      const out = await submitOnce({
        db: d.db,
        scope: REQUEST_SCOPE,
        key: a.key,
        hash,
        now: d.now,
        build: async () => {
          cal ??= await loadCalendar(d.db);
          const number = newRequestNumber();
          const id = newId(d.now);
          const s = initialState(d.now, cal);
          const i = a.input;
          const subscription = a.notify ? await sealSubscription(d.dataKeys, 'ppid', id, a.notify, d.now) : null;
          const statements: BatchItem<'sqlite'>[] = [
            ...(subscription ? [subscriptionInsert(d.db, subscription)] : []),
            d.db.insert(infoRequests).values({
              id,
              regionCode: a.regionCode,
              number,
              codeHash: await codeHash(number, code),
              status: s.status,
              channel: a.channel,
              requesterType: i.requester_type,
              requesterName: i.name,
              requesterAddress: i.address,
              requesterOccupation: i.occupation,
              requesterPhone: i.phone ?? null,
              requesterEmail: i.email ?? null,
              identityType: i.identity_type,
              identityCipher: await sealIdentity(d.dataKeys, i.identity_number, number),
              identityLast4: lastFour(i.identity_number),
              information: i.information,
              purpose: i.purpose,
              obtainMethod: i.obtain_method,
              deliveryMethod: i.obtain_method === 'melihat' ? null : (i.delivery_method ?? null),
              registeredAt: d.now,
              originalDueAt: s.originalDueAt,
              dueAt: s.dueAt,
              createdAt: d.now,
              updatedAt: d.now,
            }),
            d.db.insert(infoRequestEvents).values({
              id: newId(d.now),
              regionCode: a.regionCode,
              requestId: id,
              at: d.now,
              kind: 'diterima',
              actorRole: 'pemohon',
              note: a.channel === 'api' ? 'Diajukan melalui API' : 'Diajukan melalui portal',
            }),
            auditInsert(d.db, publicCtx(d), {
              action: 'ppid.request.create',
              regionCode: a.regionCode,
              entityType: 'info_request',
              entityId: id,
              summary: `Permohonan informasi ${number} diterima`,
              after: { number, status: s.status, due_at: s.dueAt, channel: a.channel },
            }),
          ];
          return { ref: number, statements, result: { dueAt: s.dueAt } };
        },
      });
      const row = await findRequestByNumber(d.db, out.ref);
      if (!row) throw new AppError('internal');
      return { number: row.number, code, regionCode: row.regionCode, registeredAt: row.registeredAt, dueAt: row.dueAt, created: out.created };
    } catch (err) {
      // A registration-number collision (≈ 1 in 10^12) gets a fresh number; anything else propagates.
      if (attempt < 2 && err instanceof Error && /UNIQUE.*info_requests\.number/i.test(`${err.message} ${String(err.cause ?? '')}`)) continue;
      throw err;
    }
  }
}

/** What anyone may see with the registration number alone: status and dates, never personal data or the answer. */
export async function publicStatus(db: Db, number: string) {
  const row = await findRequestByNumber(db, number);
  if (!row) return null;
  const objection = await findObjection(db, row.regionCode, row.id);
  return { row, objection: objection ?? null };
}

/** Checks the private code (rate limited per IP); the same answer for an unknown number and a wrong code. */
export async function verifyRequester(d: PublicDeps, number: string, code: string, ip: string) {
  await rateLimit(d.db, `ppid:code:${ip}`, CODE_CHECK_LIMIT.limit, CODE_CHECK_LIMIT.windowMs, d.now);
  const row = await findRequestByNumber(d.db, number);
  const expected = await codeHash(number, code);
  if (!row || !sameDigest(row.codeHash, expected)) {
    throw new AppError('validation', 'Nomor registrasi atau kode rahasia tidak cocok.', {
      fieldErrors: [{ field: 'kode', message: 'Nomor registrasi atau kode rahasia tidak cocok. Periksa kembali bukti permohonan Anda.' }],
    });
  }
  const [objection, events] = await Promise.all([findObjection(d.db, row.regionCode, row.id), listEvents(d.db, row.regionCode, row.id)]);
  return { row, objection: objection ?? null, events };
}

/** The requester files an objection (keberatan) within the statutory window. */
export async function fileObjection(d: PublicDeps, a: { number: string; code: string; grounds: ObjectionGround[]; reason: string; ip: string }) {
  const { row, objection } = await verifyRequester(d, a.number, a.code, a.ip);
  const cal = await loadCalendar(d.db);
  const next = transition(stateOf(row, objection), { type: 'object', grounds: a.grounds }, d.now, cal);
  if (!next.ok) throw new AppError('conflict', next.reason);
  const o = next.state.objection!;
  const id = newId(d.now);
  try {
    await d.db.batch([
      d.db.insert(infoObjections).values({
        id,
        regionCode: row.regionCode,
        requestId: row.id,
        grounds: JSON.stringify(a.grounds),
        reason: a.reason,
        status: o.status,
        filedAt: o.filedAt,
        dueAt: o.dueAt,
        createdAt: d.now,
        updatedAt: d.now,
      }),
      d.db.insert(infoRequestEvents).values({
        id: newId(d.now),
        regionCode: row.regionCode,
        requestId: row.id,
        at: d.now,
        kind: 'keberatan',
        actorRole: 'pemohon',
        note: `Alasan: ${a.grounds.map((g) => GROUND_LABELS[g]).join('; ')}`,
      }),
      d.db.update(infoRequests).set({ updatedAt: d.now }).where(eq(infoRequests.id, row.id)),
      auditInsert(d.db, publicCtx(d), {
        action: 'ppid.objection.create',
        regionCode: row.regionCode,
        entityType: 'info_request',
        entityId: row.id,
        summary: `Keberatan atas permohonan ${row.number} diajukan`,
        after: { grounds: a.grounds, due_at: o.dueAt },
      }),
    ]);
  } catch (err) {
    if (err instanceof Error && /UNIQUE/i.test(`${err.message} ${String(err.cause ?? '')}`)) {
      throw new AppError('conflict', 'Keberatan untuk permohonan ini sudah diajukan.');
    }
    throw err;
  }
  return { row, dueAt: o.dueAt };
}
