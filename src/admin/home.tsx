import { Hono } from 'hono';
import { z } from 'zod';
import { MANAGEMENT_STAGES } from '../db/schema';
import type { AppEnv } from '../env';
import { AppError } from '../lib/errors';
import { readForm } from '../lib/forms';
import { witaDateToMs } from '../lib/time';
import { parseOrThrow, queryObject } from '../lib/validation';
import { candidateRoots } from '../regions/policy';
import { findRegionByCode } from '../regions/repo';
import { RegionCodeSchema } from '../regions/schemas';
import { changeStages, stageHistoryOf } from '../features/region-stages/service';
import { membershipsOfUser } from '../features/accounts/repo';
import { AuditQuery, StageChangeForm } from '../features/accounts/schemas';
import { sessionOf } from '../auth/session';
import { listAudit } from '../audit/log';
import { attentionFor } from './attention';
import { actionContext } from './context';
import { listKecamatan, listManagedRegions } from './regions-repo';
import { renderAdmin } from './render';
import { AdminHomeView } from './home-view';
import { AuditView, RegionStageView, RegionsAdminView } from '../features/region-stages/views';

const RegionsQuery = z.object({
  kecamatan: RegionCodeSchema.optional().catch(undefined),
  tahap: z.enum(MANAGEMENT_STAGES).optional().catch(undefined),
  tingkat: z.enum(['kecamatan', 'desa', 'kelurahan']).optional().catch(undefined),
});

export function adminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin', async (c) => {
    const s = sessionOf(c);
    const db = c.get('db');
    const [ms, tasks, managed] = await Promise.all([
      membershipsOfUser(db, s.userId),
      attentionFor({ db, now: Date.now() }, s),
      listManagedRegions(db, { roots: candidateRoots(s.memberships, 'dashboard.view'), limit: 25 }),
    ]);
    return renderAdmin(c, { title: 'Beranda admin', current: '/admin' }, <AdminHomeView name={s.name} memberships={ms} tasks={tasks} regions={managed.rows} regionsTotal={managed.total} />);
  });

  app.get('/admin/wilayah', async (c) => {
    const s = sessionOf(c);
    const roots = candidateRoots(s.memberships, 'region.stage');
    if (roots.length === 0) throw new AppError('not_found');
    const q = RegionsQuery.parse(queryObject(new URL(c.req.url)));
    const db = c.get('db');
    const [list, kecamatan] = await Promise.all([
      listManagedRegions(db, { roots, kecamatan: q.kecamatan, stage: q.tahap, level: q.tingkat }),
      listKecamatan(db),
    ]);
    const notice = c.req.query('diubah');
    return renderAdmin(
      c,
      { title: 'Wilayah dan tahap pengelolaan', current: '/admin/wilayah' },
      <RegionsAdminView csrf={s.csrfToken} regions={list.rows} kecamatan={kecamatan} filter={q} changed={notice ? Number(notice) : undefined} />,
    );
  });

  app.post('/admin/wilayah/tahap', async (c) => {
    const s = sessionOf(c);
    const form = await readForm(c, StageChangeForm);
    if (!form.ok) {
      const db = c.get('db');
      const [list, kecamatan] = await Promise.all([listManagedRegions(db, { roots: candidateRoots(s.memberships, 'region.stage') }), listKecamatan(db)]);
      return renderAdmin(c, { title: 'Wilayah dan tahap pengelolaan', current: '/admin/wilayah' }, <RegionsAdminView csrf={s.csrfToken} regions={list.rows} kecamatan={kecamatan} filter={{}} errors={form.errors} values={form.values} />, { status: 422 });
    }
    const { changed } = await changeStages(c.get('db'), form.data.codes, form.data.stage, form.data.reason, actionContext(c));
    return c.redirect(`/admin/wilayah?diubah=${changed}`, 303);
  });

  app.get('/admin/wilayah/:code', async (c) => {
    const s = sessionOf(c);
    const code = parseOrThrow(RegionCodeSchema, c.req.param('code'));
    const roots = candidateRoots(s.memberships, 'region.stage');
    const region = await findRegionByCode(c.get('db'), code);
    if (!region || !roots.some((r) => code === r || code.startsWith(`${r}.`))) throw new AppError('not_found', 'Wilayah tidak ditemukan.');
    const history = await stageHistoryOf(c.get('db'), code);
    return renderAdmin(c, { title: `Tahap ${region.name}`, current: '/admin/wilayah' }, <RegionStageView csrf={s.csrfToken} region={region} history={history} />);
  });

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
      <AuditView rows={rows.slice(0, 50)} query={q} more={rows.length > 50 ? rows[49]?.at : undefined} errors={parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? '_'), message: i.message }))} />,
    );
  });

  return app;
}
