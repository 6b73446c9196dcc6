import type { Context } from 'hono';
import { purgeRegionPages } from '../../cache/purge';
import type { AppEnv } from '../../env';
import { dataKeys } from '../../lib/data-key';
import { originOf } from '../../lib/origin';
import { citizenNoticeDeps } from '../../messaging/request-deps';
import { sendComplaintNotice } from './citizen-notice';
import type { ComplaintDeps } from './service';

/** Service dependencies from a request: D1, R2, the code secret, the page-cache purge and the reporter's status messages. */
export function complaintDeps(c: Context<AppEnv>): ComplaintDeps {
  const db = c.get('db');
  return {
    db,
    files: c.env.FILES,
    secret: c.env.SESSION_SECRET,
    purge: (code) => purgeRegionPages({ db, env: c.env }, code),
    dataKeys: dataKeys(c.env),
    statusChanged: (e) => sendComplaintNotice(citizenNoticeDeps(c), originOf(c), e),
  };
}

/** Pages that carry a private code or a per-visitor token: never stored anywhere, never leaked through Referer. */
export function privateHeaders(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
}
