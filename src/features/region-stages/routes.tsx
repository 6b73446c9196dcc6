import { Hono } from 'hono';
import { z } from 'zod';
import { actionContext } from '../../admin/context';
import { listManagedRegions } from '../../admin/regions-repo';
import { renderAdmin } from '../../admin/render';
import { sessionOf } from '../../auth/session';
import { MANAGEMENT_STAGES } from '../../db/schema';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { readForm } from '../../lib/forms';
import { parseOrThrow, queryObject, searchText } from '../../lib/validation';
import { candidateRoots } from '../../regions/policy';
import { findRegionByCode } from '../../regions/repo';
import { RegionCodeSchema } from '../../regions/schemas';
import { listKecamatan } from './repo';
import { StageChangeForm } from './schemas';
import { changeStages, stageHistoryOf } from './service';
import { RegionStageView, RegionsAdminView } from './views';

const RegionsQuery = z.object({
  kecamatan: RegionCodeSchema.optional().catch(undefined),
  tahap: z.enum(MANAGEMENT_STAGES).optional().catch(undefined),
  tingkat: z.enum(['kecamatan', 'desa', 'kelurahan']).optional().catch(undefined),
  cari: searchText().optional().catch(undefined),
  halaman: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type RegionsQuery = z.infer<typeof RegionsQuery>;

/** Regions per page of `/admin/wilayah` (a phone scrolls a few screens, not fifty). */
export const REGIONS_PAGE_SIZE = 30;

/** `/admin/wilayah`: regions and their management stages (Diskominfo), with each region's stage history. */
export function regionStageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/wilayah', async (c) => {
    const s = sessionOf(c);
    const roots = candidateRoots(s.memberships, 'region.stage');
    if (roots.length === 0) throw new AppError('not_found');
    const q = RegionsQuery.parse(queryObject(new URL(c.req.url)));
    const db = c.get('db');
    const [list, kecamatan] = await Promise.all([
      listManagedRegions(db, {
        roots,
        kecamatan: q.kecamatan,
        stage: q.tahap,
        level: q.tingkat,
        search: q.cari || undefined,
        limit: REGIONS_PAGE_SIZE,
        offset: (q.halaman - 1) * REGIONS_PAGE_SIZE,
      }),
      listKecamatan(db),
    ]);
    const notice = c.req.query('diubah');
    return renderAdmin(
      c,
      { title: 'Wilayah dan tahap pengelolaan', current: '/admin/wilayah' },
      <RegionsAdminView
        csrf={s.csrfToken}
        regions={list.rows}
        total={list.total}
        pageSize={REGIONS_PAGE_SIZE}
        kecamatan={kecamatan}
        filter={q}
        changed={notice && /^\d{1,6}$/.test(notice) ? Number(notice) : undefined}
      />,
    );
  });

  app.post('/admin/wilayah/tahap', async (c) => {
    const s = sessionOf(c);
    const form = await readForm(c, StageChangeForm);
    if (!form.ok) {
      const db = c.get('db');
      const picked = [form.values.codes ?? []].flat().filter((v) => /^[\d.]{2,13}$/.test(v));
      const [list, kecamatan] = await Promise.all([
        listManagedRegions(db, { roots: candidateRoots(s.memberships, 'region.stage'), limit: REGIONS_PAGE_SIZE }),
        listKecamatan(db),
      ]);
      // Keep the regions the officer ticked on screen (they may come from a later page or a search).
      const shown = new Set(list.rows.map((r) => r.code));
      const extra = picked.length
        ? (await listManagedRegions(db, { roots: candidateRoots(s.memberships, 'region.stage'), codes: picked })).rows.filter((r) => !shown.has(r.code))
        : [];
      return renderAdmin(
        c,
        { title: 'Wilayah dan tahap pengelolaan', current: '/admin/wilayah' },
        <RegionsAdminView
          csrf={s.csrfToken}
          regions={[...extra, ...list.rows]}
          total={list.total}
          pageSize={REGIONS_PAGE_SIZE}
          kecamatan={kecamatan}
          filter={{ halaman: 1 }}
          errors={form.errors}
          values={form.values}
        />,
        { status: 422 },
      );
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
    return renderAdmin(
      c,
      { title: `Tahap ${region.name}`, current: '/admin/wilayah' },
      <RegionStageView csrf={s.csrfToken} region={region} history={history} />,
    );
  });

  return app;
}
