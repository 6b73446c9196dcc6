/** /admin/ppid/profil, /admin/ppid/dip and /admin/ppid/laporan: region-level PPID pages for officers. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import type { PpidProfileRow } from '../../db/schema';
import { csvResponse, csvVariantOf } from '../../lib/csv';
import { AppError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import { queryObject } from '../../lib/validation';
import { authorize } from '../../regions/guard';
import { candidateRoots } from '../../regions/policy';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import type { RegionOption } from '../../admin/components';
import { DipItemsView, ProfileEditView, RegionPicker } from './admin-profile-views';
import { AdminTabs } from './admin-views';
import { witaYear } from './dip';
import { addInfoItem, removeInfoItem, saveProfile } from './profile-service';
import { findProfile, listInfoItems, regionsWithin } from './repo';
import { reportCsv } from './report';
import { loadReport } from './report-service';
import { ReportView } from './report-views';
import { InfoItemForm, ProfileForm, RegionQuery, ReportQuery } from './schemas';

/** Roots of the actor's PPID work: 404 for accounts without any. */
export function ppidRoots(c: Context<AppEnv>): string[] {
  const roots = candidateRoots(sessionOf(c).memberships, 'ppid.handle');
  if (roots.length === 0) throw new AppError('not_found');
  return roots;
}

/** The region chosen with ?wilayah= (default: the first root), authorised for ppid.handle (404 outside). */
async function chosenRegion(c: Context<AppEnv>, roots: string[]): Promise<{ region: RegionOption; regions: RegionOption[] }> {
  const q = RegionQuery.parse(queryObject(new URL(c.req.url)));
  const code = q.wilayah ?? roots[0]!;
  const region = await authorize(c.get('db'), actionContext(c).actor, 'ppid.handle', code);
  const regions = await regionsWithin(c.get('db'), roots);
  return { region, regions };
}

function profileValues(p: PpidProfileRow | undefined): FormValues {
  if (!p) return {};
  return {
    officer_name: p.officerName,
    officer_position: p.officerPosition,
    superior_name: p.superiorName,
    address: p.address,
    phone: p.phone,
    email: p.email,
    office_hours: p.officeHours,
    maklumat: p.maklumat,
    service_standard: p.serviceStandard,
    cost: p.cost,
  };
}

const purgeDeps = (c: Context<AppEnv>) => ({ db: c.get('db'), env: c.env });

export function ppidAdminPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/ppid/profil', async (c) => {
    const { region, regions } = await chosenRegion(c, ppidRoots(c));
    const profile = await findProfile(c.get('db'), region.code);
    return renderAdmin(
      c,
      { title: 'Profil PPID', current: '/admin/ppid' },
      <ProfileEditView
        region={region}
        regions={regions}
        csrf={sessionOf(c).csrfToken}
        values={profileValues(profile)}
        saved={c.req.query('tersimpan') === '1'}
      />,
    );
  });

  app.post('/admin/ppid/profil', async (c) => {
    const { region, regions } = await chosenRegion(c, ppidRoots(c));
    const form = await readForm(c, ProfileForm);
    if (!form.ok) {
      return renderAdmin(
        c,
        { title: 'Profil PPID', current: '/admin/ppid' },
        <ProfileEditView region={region} regions={regions} csrf={sessionOf(c).csrfToken} values={form.values} errors={form.errors} />,
        { status: 422 },
      );
    }
    await saveProfile(purgeDeps(c), actionContext(c), region.code, form.data);
    return c.redirect(`/admin/ppid/profil?wilayah=${region.code}&tersimpan=1`, 303);
  });

  app.get('/admin/ppid/dip', async (c) => {
    const { region, regions } = await chosenRegion(c, ppidRoots(c));
    const items = await listInfoItems(c.get('db'), region.code);
    const notice =
      c.req.query('ok') === 'tambah' ? 'Informasi ditambahkan ke daftar.' : c.req.query('ok') === 'hapus' ? 'Informasi dihapus dari daftar.' : undefined;
    return renderAdmin(
      c,
      { title: 'Daftar informasi publik', current: '/admin/ppid' },
      <DipItemsView region={region} regions={regions} items={items} csrf={sessionOf(c).csrfToken} notice={notice} values={{ info_category: 'berkala' }} />,
    );
  });

  app.post('/admin/ppid/dip', async (c) => {
    const { region, regions } = await chosenRegion(c, ppidRoots(c));
    const form = await readForm(c, InfoItemForm);
    if (!form.ok) {
      const items = await listInfoItems(c.get('db'), region.code);
      return renderAdmin(
        c,
        { title: 'Daftar informasi publik', current: '/admin/ppid' },
        <DipItemsView region={region} regions={regions} items={items} csrf={sessionOf(c).csrfToken} values={form.values} errors={form.errors} />,
        { status: 422 },
      );
    }
    await addInfoItem(purgeDeps(c), actionContext(c), region.code, form.data);
    return c.redirect(`/admin/ppid/dip?wilayah=${region.code}&ok=tambah`, 303);
  });

  app.post('/admin/ppid/dip/:id/hapus', async (c) => {
    ppidRoots(c);
    const regionCode = await removeInfoItem(purgeDeps(c), actionContext(c), c.req.param('id'));
    return c.redirect(`/admin/ppid/dip?wilayah=${regionCode}&ok=hapus`, 303);
  });

  const report = async (c: Context<AppEnv>, format: 'html' | 'csv') => {
    const roots = ppidRoots(c);
    const q = ReportQuery.safeParse(queryObject(new URL(c.req.url)));
    if (!q.success) throw new AppError('bad_request', q.error.issues[0]?.message ?? 'Parameter tidak valid.');
    const code = q.data.wilayah ?? roots[0]!;
    await authorize(c.get('db'), actionContext(c).actor, 'ppid.handle', code);
    const year = q.data.tahun ?? witaYear(Date.now());
    const { report: r, regionName } = await loadReport(c.get('db'), code, year);
    if (format === 'csv') {
      const variant = csvVariantOf(new URL(c.req.url));
      return csvResponse(reportCsv(r, regionName, variant), `laporan-ppid-${code}-${year}.csv`, variant);
    }
    const regions = await regionsWithin(c.get('db'), roots, 'kecamatan');
    const years = Array.from({ length: 6 }, (_, i) => witaYear(Date.now()) - i);
    return renderAdmin(
      c,
      { title: `Laporan layanan informasi ${year}`, current: '/admin/ppid' },
      <>
        <ReportView
          report={r}
          regionName={regionName}
          now={Date.now()}
          csvHref={`/admin/ppid/laporan.csv?tahun=${year}&wilayah=${code}`}
          filters={
            <>
              <AdminTabs current="laporan" />
              <RegionPicker
                action="/admin/ppid/laporan"
                regions={regions.some((x) => x.code === code) ? regions : [...regions, { code, name: regionName, level: 'desa' }]}
                current={code}
                extra={{ tahun: String(year) }}
              />
              <form class="filters" method="get" action="/admin/ppid/laporan">
                <input type="hidden" name="wilayah" value={code} />
                <label for="tahun">Tahun</label>
                <select id="tahun" name="tahun">
                  {years.map((y) => (
                    <option value={String(y)} selected={y === year}>
                      {y}
                    </option>
                  ))}
                </select>
                <button type="submit">Tampilkan</button>
              </form>
            </>
          }
        />
      </>,
    );
  };

  app.get('/admin/ppid/laporan', (c) => report(c, 'html'));
  app.get('/admin/ppid/laporan.csv', (c) => report(c, 'csv'));

  return app;
}
