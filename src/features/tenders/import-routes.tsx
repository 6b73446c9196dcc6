import { Hono, type Context } from 'hono';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import { sessionOf } from '../../auth/session';
import { REGENCY } from '../../config';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { assertRequestSize, fileField } from '../../lib/upload';
import { authorize } from '../../regions/guard';
import { importErrors, IMPORT_MAX_BYTES, loadImport, previewImport, recentImports, runImportChunk } from './import-service';
import { ImportFormView, ImportPreviewView, ImportProgress } from './import-views';
import { TenderIdParam } from './schemas';
import type { TenderDeps } from './service';

const deps = (c: Context<AppEnv>): TenderDeps => ({ db: c.get('db'), env: c.env, files: c.env.FILES });
const crumbs = [
  { label: 'Lelang', href: '/admin/lelang' },
  { label: 'Impor CSV', href: '/admin/lelang/impor' },
];

function importId(c: Context<AppEnv>): string {
  const parsed = TenderIdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', 'Impor tidak ditemukan.');
  return parsed.data;
}

/** Only `tender.regency` holders see the import at all (404 for everyone else). */
async function guard(c: Context<AppEnv>) {
  await authorize(c.get('db'), actionContext(c).actor, 'tender.regency', REGENCY.code).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'forbidden' ? new AppError('not_found') : err;
  });
}

/** The CSV import of SiRUP/SPSE exports: upload → preview with row-numbered errors → import in chunks. */
export function tenderImportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const formPage = async (c: Context<AppEnv>, errors?: FieldError[], status?: number) =>
    renderAdmin(
      c,
      { title: 'Impor CSV SiRUP/SPSE', current: '/admin/lelang', breadcrumbs: crumbs },
      <ImportFormView csrf={sessionOf(c).csrfToken} errors={errors} recent={await recentImports(c.get('db'))} />,
      { status },
    );

  app.get('/admin/lelang/impor', async (c) => {
    await guard(c);
    return formPage(c);
  });

  app.post('/admin/lelang/impor', async (c) => {
    await guard(c);
    try {
      assertRequestSize(c, IMPORT_MAX_BYTES);
      if (!(c.req.header('Content-Type') ?? '').startsWith('multipart/form-data'))
        throw new AppError('unsupported_media_type', 'Unggah berkas melalui formulir.');
      const file = fileField(await c.req.parseBody({ all: true }), 'file');
      if (!file)
        throw new AppError('validation', 'Pilih berkas CSV.', { fieldErrors: [{ field: 'file', message: 'Pilih berkas CSV hasil ekspor SiRUP atau SPSE.' }] });
      const id = await previewImport(deps(c), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, actionContext(c));
      return c.redirect(`/admin/lelang/impor/${id}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || !['validation', 'payload_too_large', 'unsupported_media_type'].includes(err.code)) throw err;
      return formPage(c, err.fieldErrors.length ? err.fieldErrors : [{ field: 'file', message: err.message }], err.status);
    }
  });

  app.get('/admin/lelang/impor/:id', async (c) => {
    const imp = await loadImport(c.get('db'), actionContext(c), importId(c));
    const csrf = sessionOf(c).csrfToken;
    return renderAdmin(
      c,
      { title: `Impor ${imp.fileName}`, current: '/admin/lelang', breadcrumbs: [...crumbs, { label: imp.fileName }] },
      <ImportPreviewView csrf={csrf} imp={imp} errors={await importErrors(deps(c), imp)} />,
      { fragment: <ImportProgress csrf={csrf} imp={imp} /> },
    );
  });

  app.post('/admin/lelang/impor/:id/jalankan', async (c) => {
    const id = importId(c);
    await runImportChunk(deps(c), id, actionContext(c));
    return c.redirect(`/admin/lelang/impor/${id}`, 303);
  });

  return app;
}
