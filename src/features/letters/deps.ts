import type { Context } from 'hono';
import { purgeRegionPages } from '../../cache/purge';
import { loadHolidayCalendar } from '../../lib/holiday-calendar';
import type { AppEnv } from '../../env';
import { dataKeys } from '../../lib/data-key';
import { originOf } from '../../lib/origin';
import { citizenNoticeDeps } from '../../messaging/request-deps';
import { sendLetterNotice } from './citizen-notice';
import type { LetterDeps } from './actions';
import { logView } from './present';
import { verifyKeys } from './verify-code';

/**
 * Service dependencies from a request: D1, R2, the data and verification keys, the code secret, the holiday calendar,
 * the page-cache purge (public service figures are cached) and the status-change hook: a log line (ids and statuses,
 * no personal data) and, when the requester opted in, one message per change (citizen-notice.ts decides which).
 */
export function letterDeps(c: Context<AppEnv>): LetterDeps {
  const db = c.get('db');
  return {
    db,
    files: c.env.FILES,
    dataKeys: dataKeys(c.env),
    verifyKeys: verifyKeys(c.env),
    secret: c.env.SESSION_SECRET,
    calendar: () => loadHolidayCalendar(db),
    purge: (code) => purgeRegionPages({ db, env: c.env }, code),
    statusChanged: async (e) => {
      console.log(
        JSON.stringify({
          level: 'info',
          msg: 'letter status',
          ...logView({ id: e.requestId, trackingNumber: e.trackingNumber, regionCode: e.regionCode, status: e.to }),
          from: e.from,
        }),
      );
      await sendLetterNotice(citizenNoticeDeps(c), originOf(c), e);
    },
  };
}

/** Pages that carry a private code or a per-visitor token: never stored anywhere, never leaked through Referer. */
export function privateHeaders(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
}
