import { Hono } from 'hono';
import { renderAdmin } from '../../admin/render';
import { listAudit } from '../../audit/log';
import { sessionOf } from '../../auth/session';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { witaDateToMs } from '../../lib/time';
import { queryObject } from '../../lib/validation';
import { candidateRoots } from '../../regions/policy';
import { AuditQuery } from './schemas';
import { AuditView } from './views';

/** `/admin/audit`: the append-only audit log, filtered by actor, region, action and dates (Diskominfo). */
export function auditRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/audit', async (c) => {
    const s = sessionOf(c);
    if (candidateRoots(s.memberships, 'audit.read').length === 0) throw new AppError('not_found');
    const parsed = AuditQuery.safeParse(queryObject(new URL(c.req.url)));
    const q = parsed.success ? parsed.data : {};
    const rows = await listAudit(c.get('db'), {
      actorName: q.pengguna || undefined,
      regionCode: q.wilayah,
      action: q.aksi || undefined,
      from: q.dari ? witaDateToMs(q.dari) : undefined,
      to: q.sampai ? witaDateToMs(q.sampai) + 86_399_999 : undefined,
      before: q.sebelum,
      limit: 51,
    });
    return renderAdmin(
      c,
      { title: 'Log audit', current: '/admin/audit' },
      <AuditView
        rows={rows.slice(0, 50)}
        query={q}
        more={rows.length > 50 ? rows[49]?.at : undefined}
        errors={parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? '_'), message: i.message }))}
      />,
    );
  });

  return app;
}
