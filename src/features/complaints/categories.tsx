/** Complaint categories are data: Diskominfo ('settings.manage') edits them at /admin/pengaduan/kategori (audited). */
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import type { FC } from 'hono/jsx';
import type { Db } from '../../db/client';
import { complaintCategories, type ComplaintCategoryRow } from '../../db/schema';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { errorFor, readForm, valueOf, type FormValues } from '../../lib/forms';
import { authorize } from '../../regions/guard';
import { candidateRoots } from '../../regions/policy';
import { rootRegionCode } from '../../regions/repo';
import { EmptyState, ErrorSummary, Field, StatusTag } from '../../views/components';
import type { ActionContext } from '../../auth/actor';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { CsrfField, renderAdmin } from '../../admin/render';
import { auditInsert } from '../../audit/log';
import { findCategory, listCategories } from './repo';
import { CategoryForm } from './schemas';

export async function saveCategory(db: Db, input: CategoryForm, ctx: ActionContext, existingId?: string): Promise<void> {
  await authorize(db, ctx.actor, 'settings.manage', await rootRegionCode(db));
  const before = existingId ? await findCategory(db, existingId) : undefined;
  if (existingId && !before) throw new AppError('not_found', 'Kategori tidak ditemukan.');
  if (!existingId && (await findCategory(db, input.id))) {
    throw new AppError('conflict', 'Kode kategori sudah dipakai.', { fieldErrors: [{ field: 'id', message: 'Kode kategori sudah dipakai.' }] });
  }
  const row = { name: input.name, description: input.description ?? '', sortOrder: input.sort_order, isActive: input.is_active, updatedAt: ctx.now };
  const audit = auditInsert(db, ctx, {
    action: existingId ? 'complaint_category.update' : 'complaint_category.create',
    entityType: 'complaint_category',
    entityId: existingId ?? input.id,
    summary: `${existingId ? 'Mengubah' : 'Menambah'} kategori pengaduan ${input.name}${input.is_active ? '' : ' (nonaktif)'}`,
    before: before ? { name: before.name, sortOrder: before.sortOrder, isActive: before.isActive } : undefined,
    after: { name: row.name, sortOrder: row.sortOrder, isActive: row.isActive },
  });
  if (existingId) await db.batch([db.update(complaintCategories).set(row).where(eq(complaintCategories.id, existingId)), audit]);
  else await db.batch([db.insert(complaintCategories).values({ id: input.id, ...row }), audit]);
}

const CategoryFields: FC<{ values?: FormValues; errors?: FieldError[]; fixedId?: string }> = ({ values, errors, fixedId }) => (
  <>
    {fixedId ? (
      <input type="hidden" name="id" value={fixedId} />
    ) : (
      <Field id="cat-id" label="Kode" hint="Huruf kecil dan garis bawah, mis. air_bersih. Tidak dapat diubah." error={errorFor(errors, 'id')}>
        {(d) => <input type="text" id="cat-id" name="id" maxlength={40} value={valueOf(values, 'id')} aria-describedby={d} />}
      </Field>
    )}
    <Field id="cat-name" label="Nama" error={errorFor(errors, 'name')}>
      {(d) => <input type="text" id="cat-name" name="name" maxlength={60} value={valueOf(values, 'name')} aria-describedby={d} />}
    </Field>
    <Field id="cat-description" label="Keterangan (tidak wajib)" error={errorFor(errors, 'description')}>
      {(d) => <input type="text" id="cat-description" name="description" maxlength={200} value={valueOf(values, 'description')} aria-describedby={d} />}
    </Field>
    <Field id="cat-sort" label="Urutan" hint="Angka kecil tampil lebih dulu." error={errorFor(errors, 'sort_order')}>
      {(d) => <input type="number" id="cat-sort" name="sort_order" min="0" max="999" value={valueOf(values, 'sort_order') || '50'} aria-describedby={d} />}
    </Field>
    <div class="checks">
      <label for="cat-active">
        <input
          type="checkbox"
          id="cat-active"
          name="is_active"
          value="1"
          checked={valueOf(values, 'is_active') !== '0' && (valueOf(values, 'is_active') === '1' || !values)}
        />
        Aktif (tampil di formulir pengaduan)
      </label>
    </div>
  </>
);

const CategoriesView: FC<{ csrf: string; rows: ComplaintCategoryRow[]; values?: FormValues; errors?: FieldError[]; saved?: boolean }> = (p) => (
  <>
    <h1>Kategori pengaduan</h1>
    {p.saved ? (
      <p class="success" role="status">
        Kategori disimpan.
      </p>
    ) : null}
    {p.rows.length === 0 ? (
      <EmptyState>
        <p>Belum ada kategori.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">Kode</th>
            <th scope="col">Urutan</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <td data-label="Nama">
                <a href={`/admin/pengaduan/kategori/${r.id}`}>{r.name}</a>
                {r.description ? <div class="hint">{r.description}</div> : null}
              </td>
              <td data-label="Kode">{r.id}</td>
              <td data-label="Urutan">{r.sortOrder}</td>
              <td data-label="Status">{r.isActive ? <StatusTag tone="green">Aktif</StatusTag> : <StatusTag tone="grey">Nonaktif</StatusTag>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <h2>Tambah kategori</h2>
    <ErrorSummary errors={p.errors ?? []} fieldIds={{ id: 'cat-id', name: 'cat-name', description: 'cat-description', sort_order: 'cat-sort' }} />
    <form method="post" action="/admin/pengaduan/kategori">
      <CsrfField token={p.csrf} />
      <CategoryFields values={p.values} errors={p.errors} />
      <button type="submit">Tambah kategori</button>
    </form>
  </>
);

const EditCategoryView: FC<{ csrf: string; row: ComplaintCategoryRow; values?: FormValues; errors?: FieldError[] }> = (p) => (
  <>
    <h1>Ubah kategori {p.row.name}</h1>
    <p class="hint">Kategori tidak dapat dihapus karena dipakai laporan lama; nonaktifkan bila tidak dipakai lagi.</p>
    <ErrorSummary errors={p.errors ?? []} fieldIds={{ name: 'cat-name', description: 'cat-description', sort_order: 'cat-sort' }} />
    <form method="post" action={`/admin/pengaduan/kategori/${p.row.id}`}>
      <CsrfField token={p.csrf} />
      <CategoryFields
        fixedId={p.row.id}
        errors={p.errors}
        values={p.values ?? { name: p.row.name, description: p.row.description, sort_order: String(p.row.sortOrder), is_active: p.row.isActive ? '1' : '0' }}
      />
      <button type="submit">Simpan</button>
    </form>
  </>
);

const crumbs = [
  { label: 'Pengaduan', href: '/admin/pengaduan' },
  { label: 'Kategori', href: '/admin/pengaduan/kategori' },
];

function assertSettings(c: Context<AppEnv>) {
  if (candidateRoots(sessionOf(c).memberships, 'settings.manage').length === 0) throw new AppError('not_found');
}

export function categoryAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const list = async (c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) =>
    renderAdmin(
      c,
      { title: 'Kategori pengaduan', current: '/admin/pengaduan', breadcrumbs: crumbs },
      <CategoriesView
        csrf={sessionOf(c).csrfToken}
        rows={await listCategories(c.get('db'))}
        values={extra.values}
        errors={extra.errors}
        saved={c.req.query('ok') === '1'}
      />,
      { status: extra.status },
    );

  app.get('/admin/pengaduan/kategori', (c) => {
    assertSettings(c);
    return list(c);
  });

  app.post('/admin/pengaduan/kategori', async (c) => {
    assertSettings(c);
    const form = await readForm(c, CategoryForm);
    if (!form.ok) return list(c, { values: form.values, errors: form.errors, status: 422 });
    try {
      await saveCategory(c.get('db'), form.data, actionContext(c));
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return list(c, { values: form.values, errors: err.fieldErrors, status: 409 });
      throw err;
    }
    return c.redirect('/admin/pengaduan/kategori?ok=1', 303);
  });

  const edit = async (c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) => {
    const row = await findCategory(c.get('db'), c.req.param('id') ?? '');
    if (!row) throw new AppError('not_found', 'Kategori tidak ditemukan.');
    return renderAdmin(
      c,
      { title: `Ubah kategori ${row.name}`, current: '/admin/pengaduan', breadcrumbs: [...crumbs, { label: row.name }] },
      <EditCategoryView csrf={sessionOf(c).csrfToken} row={row} values={extra.values} errors={extra.errors} />,
      {
        status: extra.status,
      },
    );
  };

  app.get('/admin/pengaduan/kategori/:id{[a-z][a-z0-9_]{1,39}}', (c) => {
    assertSettings(c);
    return edit(c);
  });

  app.post('/admin/pengaduan/kategori/:id{[a-z][a-z0-9_]{1,39}}', async (c) => {
    assertSettings(c);
    const id = c.req.param('id');
    const form = await readForm(c, CategoryForm);
    if (!form.ok || form.data.id !== id)
      return edit(c, { values: form.values, errors: form.ok ? [{ field: 'id', message: 'Kode kategori tidak dapat diubah.' }] : form.errors, status: 422 });
    await saveCategory(c.get('db'), form.data, actionContext(c), id);
    return c.redirect('/admin/pengaduan/kategori?ok=1', 303);
  });

  return app;
}
