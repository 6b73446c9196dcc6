import { type Context, Hono } from 'hono';
import { actionContext } from '../../admin/context';
import { listManagedRegions } from '../../admin/regions-repo';
import { renderAdmin } from '../../admin/render';
import { auditInsert } from '../../audit/log';
import { sessionOf } from '../../auth/session';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm } from '../../lib/forms';
import { isPartial } from '../../lib/htmx';
import { assertRequestSize, uploadMaxBytes } from '../../lib/upload';
import { refreshHostMap } from '../../middleware/old-hosts';
import { authorize } from '../../regions/guard';
import { deleteRegionHost, findRegionHost, insertRegionHost, listRegionHosts } from '../../regions/old-links';
import { candidateRoots } from '../../regions/policy';
import { importTargetsOf, type Registry } from '../descriptor';
import { HostsView } from './hosts-views';
import { ImportDetailView, ImportListView, ImportProgress } from './import-views';
import { createImport, type ImportSource } from './preview';
import { findJob, listJobs, reportOf } from './repo';
import { cancelImport, runImportChunk, startImport } from './run';
import { HostDeleteForm, HostForm, ImportForm, ImportIdParam } from './schemas';
import { pickNotice } from '../../lib/notices';

/** Diskominfo's pages for the retired sites: their host names (/admin/situs-lama) and the content import (/admin/impor). */
function rootsOf(c: Context<AppEnv>): string[] {
  const roots = candidateRoots(sessionOf(c).memberships, 'site.migrate');
  if (roots.length === 0) throw new AppError('not_found');
  return roots;
}

async function regionChoices(c: Context<AppEnv>) {
  return (await listManagedRegions(c.get('db'), { roots: rootsOf(c), limit: 5000 })).rows;
}

/** A File's text in decoded chunks (never the whole file as one string unless the reader needs it). */
async function* textChunks(file: File): AsyncIterable<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

function jobId(c: Context<AppEnv>): string {
  const parsed = ImportIdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', 'Impor tidak ditemukan.');
  return parsed.data;
}

const HOST_NOTICES: Record<string, string> = { ditambah: 'Nama host ditambahkan.', dihapus: 'Nama host dihapus.' };

export function oldSiteAdminRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const targets = importTargetsOf(registry);

  const hostsPage = async (c: Context<AppEnv>, extra: { errors?: FieldError[]; values?: Record<string, string | string[]>; status?: number } = {}) => {
    const [hosts, regions] = await Promise.all([listRegionHosts(c.get('db')), regionChoices(c)]);
    return renderAdmin(
      c,
      { title: 'Situs lama', current: '/admin/situs-lama' },
      <HostsView
        csrf={sessionOf(c).csrfToken}
        hosts={hosts}
        regions={regions}
        canonical={c.env.APP_ORIGIN}
        notice={pickNotice(HOST_NOTICES, c.req.query('ok'))}
        errors={extra.errors}
        values={extra.values}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/situs-lama', (c) => hostsPage(c));

  app.post('/admin/situs-lama', async (c) => {
    rootsOf(c);
    const form = await readForm(c, HostForm);
    if (!form.ok) return hostsPage(c, { errors: form.errors, values: form.values, status: 422 });
    const ctx = actionContext(c);
    const db = c.get('db');
    const region = await authorize(db, ctx.actor, 'site.migrate', form.data.region_code);
    const taken = await findRegionHost(db, form.data.host);
    const canonical = c.env.APP_ORIGIN ? new URL(c.env.APP_ORIGIN).hostname : new URL(c.req.url).hostname;
    const clash = taken ? 'Nama host ini sudah dipakai wilayah lain atau wilayah yang sama.' : form.data.host === canonical ? 'Ini alamat utama portal.' : null;
    if (clash) return hostsPage(c, { errors: [{ field: 'host', message: clash }], values: form.values, status: 422 });
    await db.batch([
      insertRegionHost(db, { host: form.data.host, regionCode: region.code, note: form.data.note, createdBy: ctx.actor.id, createdAt: ctx.now }),
      auditInsert(db, ctx, {
        action: 'site.host.add',
        regionCode: region.code,
        entityType: 'region_host',
        entityId: form.data.host,
        summary: `Menambahkan nama host situs lama ${form.data.host} untuk ${region.name}`,
      }),
    ]);
    await refreshHostMap(db, c.env);
    return c.redirect('/admin/situs-lama?ok=ditambah', 303);
  });

  app.post('/admin/situs-lama/hapus', async (c) => {
    rootsOf(c);
    const form = await readForm(c, HostDeleteForm);
    const db = c.get('db');
    const row = form.ok ? await findRegionHost(db, form.data.host) : undefined;
    if (!row) throw new AppError('not_found', 'Nama host tidak ditemukan.');
    const ctx = actionContext(c);
    await authorize(db, ctx.actor, 'site.migrate', row.regionCode);
    await db.batch([
      deleteRegionHost(db, row.host),
      auditInsert(db, ctx, {
        action: 'site.host.remove',
        regionCode: row.regionCode,
        entityType: 'region_host',
        entityId: row.host,
        summary: `Menghapus nama host situs lama ${row.host}`,
      }),
    ]);
    await refreshHostMap(db, c.env);
    return c.redirect('/admin/situs-lama?ok=dihapus', 303);
  });

  app.get('/admin/impor', async (c) => {
    rootsOf(c);
    const [jobs, regions] = await Promise.all([listJobs(c.get('db')), regionChoices(c)]);
    return renderAdmin(
      c,
      { title: 'Impor situs lama', current: '/admin/situs-lama' },
      <ImportListView csrf={sessionOf(c).csrfToken} jobs={jobs} regions={regions} />,
    );
  });

  app.post('/admin/impor', async (c) => {
    rootsOf(c);
    assertRequestSize(c, uploadMaxBytes(c.env));
    const form = await readForm(c, ImportForm);
    const rerender = async (errors: FieldError[]) => {
      const [jobs, regions] = await Promise.all([listJobs(c.get('db')), regionChoices(c)]);
      return renderAdmin(
        c,
        { title: 'Impor situs lama', current: '/admin/situs-lama' },
        <ImportListView csrf={sessionOf(c).csrfToken} jobs={jobs} regions={regions} errors={errors} values={form.values} />,
        { status: 422 },
      );
    };
    if (!form.ok) return rerender(form.errors);
    const body = await c.req.parseBody({ all: true });
    const files = [body.file].flat().filter((f): f is File => f instanceof File && f.size > 0);
    const sources: ImportSource[] = files.map((f) => ({ name: f.name.slice(0, 100), chunks: textChunks(f) }));
    try {
      const { id } = await createImport(
        { db: c.get('db'), env: c.env },
        {
          regionCode: form.data.region_code,
          format: form.data.format,
          siteUrl: form.data.site_url ?? '',
          publishDirectly: form.data.publish_directly === '1',
          sources,
        },
        actionContext(c),
      );
      return c.redirect(`/admin/impor/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation')
        return rerender(err.fieldErrors.length ? err.fieldErrors : [{ field: 'file', message: err.message }]);
      throw err;
    }
  });

  app.get('/admin/impor/:id', async (c) => {
    rootsOf(c);
    const found = await findJob(c.get('db'), jobId(c));
    if (!found) throw new AppError('not_found', 'Impor tidak ditemukan.');
    await authorize(c.get('db'), actionContext(c).actor, 'site.migrate', found.job.regionCode);
    const report = await reportOf(c.get('db'), found.job.id);
    return renderAdmin(
      c,
      { title: 'Impor situs lama', current: '/admin/situs-lama' },
      <ImportDetailView csrf={sessionOf(c).csrfToken} job={found.job} regionName={found.regionName} regionLevel={found.regionLevel} report={report} />,
    );
  });

  app.post('/admin/impor/:id/mulai', async (c) => {
    rootsOf(c);
    const id = jobId(c);
    const ctx = actionContext(c);
    await startImport(c.get('db'), id, ctx);
    await runImportChunk({ db: c.get('db'), env: c.env, fetch: (u, i) => fetch(u, i), targets }, id, ctx);
    return c.redirect(`/admin/impor/${id}`, 303);
  });

  app.post('/admin/impor/:id/lanjut', async (c) => {
    rootsOf(c);
    const id = jobId(c);
    const job = await runImportChunk({ db: c.get('db'), env: c.env, fetch: (u, i) => fetch(u, i), targets }, id, actionContext(c));
    if (isPartial(c)) {
      c.header('Cache-Control', 'no-store');
      return c.html(<ImportProgress job={job} csrf={sessionOf(c).csrfToken} />);
    }
    return c.redirect(`/admin/impor/${id}`, 303);
  });

  app.post('/admin/impor/:id/batal', async (c) => {
    rootsOf(c);
    const id = jobId(c);
    await cancelImport({ db: c.get('db'), env: c.env }, id, actionContext(c));
    return c.redirect(`/admin/impor/${id}`, 303);
  });

  return app;
}
