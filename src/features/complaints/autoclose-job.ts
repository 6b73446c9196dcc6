import { purgeRegionPages } from '../../cache/purge';
import { createDb } from '../../db/client';
import type { Bindings } from '../../env';
import type { ScheduledJob } from '../descriptor';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import { dueForAutoclose } from './repo';
import { applyAction, type ComplaintDeps } from './service';
import { AUTOCLOSE_DAYS } from './status-machine';
import { AppError } from '../../lib/errors';
import type { DataKeyEnv } from '../../lib/data-key';
import type { MessagingEnv } from '../../messaging/config';
import { jobNoticeDeps } from '../../messaging/request-deps';
import { sendComplaintNotice } from './citizen-notice';

export type AutoCloseEnv = Pick<Bindings, 'DB' | 'FILES' | 'PAGE_CACHE' | 'CACHE_GENERATION' | 'SESSION_SECRET' | 'APP_ORIGIN'> & DataKeyEnv & MessagingEnv;

/**
 * Closes `ditindaklanjuti` complaints whose reporter did not respond within AUTOCLOSE_DAYS working days of the
 * follow-up (autoclose_at, computed with the holiday calendar; a reporter reply clears it). Idempotent: a report
 * is selected only while it is still waiting, and each close is a version-guarded change, so a second or concurrent
 * run closes nothing twice. The calendar is loaded once per run. A reporter who opted in gets the same status message
 * as after a handler's close ("dinyatakan selesai"), queued once through the outbox (keyed by the timeline entry).
 */
export async function autoCloseComplaints(env: AutoCloseEnv, now = Date.now()): Promise<{ closed: number; skipped: number }> {
  const db = createDb(env.DB);
  const notices = jobNoticeDeps(db, env, now);
  const deps: ComplaintDeps = {
    db,
    files: env.FILES,
    secret: env.SESSION_SECRET,
    purge: (code) => purgeRegionPages({ db, env }, code),
    statusChanged: (e) => sendComplaintNotice(notices.deps, notices.origin, e),
  };
  const [rows, cal] = await Promise.all([dueForAutoclose(db, now), loadHolidayCalendar(db)]);
  const ctx = { actor: SYSTEM_ACTOR, requestId: null, now };
  let closed = 0;
  let skipped = 0;
  for (const row of rows) {
    try {
      await applyAction(deps, row, { type: 'tutup_otomatis' }, 'sistem', { type: 'sistem', id: null, label: 'Sistem', name: null }, now, {
        cal,
        statements: () => [
          auditInsert(db, ctx, {
            action: 'complaint.tutup_otomatis',
            regionCode: row.regionCode,
            entityType: 'complaint',
            entityId: row.id,
            summary: `Pengaduan ${row.ticket} ditutup otomatis (${AUTOCLOSE_DAYS} hari kerja tanpa tanggapan pelapor)`,
            before: { status: row.status },
            after: { status: 'selesai' },
          }),
        ],
      });
      closed++;
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict')
        skipped++; // changed meanwhile (reply, another run)
      else throw err;
    }
  }
  await notices.settle();
  return { closed, skipped };
}

/** Cron entry (hourly): never throws, logs a one-line summary without personal data. */
export async function complaintsAutoCloseJob(controller: ScheduledController, env: Bindings): Promise<void> {
  try {
    const r = await autoCloseComplaints(env, controller.scheduledTime);
    console.log(JSON.stringify({ msg: 'complaints autoclose', closed: r.closed, skipped: r.skipped }));
  } catch (err) {
    console.error(JSON.stringify({ msg: 'complaints autoclose failed', err: err instanceof Error ? err.message : String(err) }));
  }
}

export const autoCloseJob: ScheduledJob = { name: 'complaints autoclose', schedule: 'hourly', run: complaintsAutoCloseJob };
