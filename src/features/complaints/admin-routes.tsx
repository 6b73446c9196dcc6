import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../env';
import { csvResponse, csvStream, csvVariantOf } from '../../lib/csv';
import { AppError, type FieldError } from '../../lib/errors';
import { formValues, type FormValues } from '../../lib/forms';
import { formatDate, formatDateTime, witaDateKey } from '../../lib/time';
import { queryObject } from '../../lib/validation';
import { candidateRoots } from '../../regions/policy';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import { MovedOutView } from './moved-view';
import { fieldErrorsOf } from '../../lib/validation';
import { AdminListView } from './admin-list-view';
import { AdminDetailView } from './admin-views';
import { categoryAdminRoutes } from './categories';
import { dueStateOf } from './deadlines';
import { complaintDeps } from './deps';
import { exportForActor, handlerAct, handlerAttachment, handlerDetail, handlerRoots, listForActor } from './handling';
import { ACTION_LABELS } from './labels';
import { AdminListQuery, HandlerActionForm } from './schemas';
import { attachmentResponse } from './uploads';
import { pickNotice } from '../../lib/notices';

const PAGE_SIZE = 25;
const ID = ':id{[0-9A-Z]{26}}';
const Version = z.coerce.number().int().min(1).optional().catch(undefined);

const NOTICES: Record<string, string> = {
  verifikasi: 'Laporan diverifikasi.',
  tolak: 'Laporan ditolak; alasan dikirim ke pelapor.',
  teruskan: 'Laporan diteruskan.',
  disposisi: 'Laporan didisposisikan.',
  tindak_lanjut: 'Jawaban tindak lanjut dikirim ke pelapor.',
  selesaikan: 'Laporan dinyatakan selesai.',
  arsipkan: 'Laporan diarsipkan.',
};

export function complaintAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', categoryAdminRoutes());

  app.get('/admin/pengaduan', async (c) => {
    const s = sessionOf(c);
    const q = AdminListQuery.parse(queryObject(new URL(c.req.url)));
    const now = Date.now();
    const list = await listForActor(c.get('db'), s.memberships, q, now, PAGE_SIZE);
    const items = list.items.map((i) => ({ ...i, due: i.status === 'ditindaklanjuti' ? null : dueStateOf(i.dueAt, now, list.cal) }));
    return renderAdmin(
      c,
      { title: 'Pengaduan', current: '/admin/pengaduan' },
      <AdminListView
        items={items}
        total={list.total}
        query={q}
        pageSize={PAGE_SIZE}
        now={now}
        hasScope={list.roots.length > 0}
        canManageCategories={candidateRoots(s.memberships, 'settings.manage').length > 0}
      />,
    );
  });

  app.get('/admin/pengaduan/ekspor.csv', async (c) => {
    const s = sessionOf(c);
    if (handlerRoots(s.memberships).length === 0) throw new AppError('not_found');
    const url = new URL(c.req.url);
    const q = AdminListQuery.parse(queryObject(url));
    const variant = csvVariantOf(url);
    const header = ['nomor', 'masuk', 'wilayah', 'jenis', 'kategori', 'judul', 'status', 'tenggat', 'tepat_waktu', 'anonim', 'rahasia', 'unit'];
    async function* pages() {
      for await (const items of exportForActor(c.get('db'), s.memberships, q, Date.now())) {
        yield items.map((i) => [
          i.ticket,
          formatDateTime(i.createdAt),
          i.region,
          i.classificationLabel,
          i.categoryId,
          i.title,
          i.statusLabel,
          i.dueAt ? formatDate(i.dueAt) : '',
          i.onTime ? 'ya' : 'tidak',
          i.anonymous ? 'ya' : 'tidak',
          i.confidential ? 'ya' : 'tidak',
          i.unit ?? '',
        ]);
      }
    }
    return csvResponse(csvStream(header, pages(), variant), `pengaduan-${witaDateKey(Date.now())}.csv`, variant);
  });

  const detail = async (c: Context<AppEnv>, id: string, failed?: { action: string; errors: FieldError[]; values: FormValues }, status = 200) => {
    const now = Date.now();
    const { view, cal, targets } = await handlerDetail(c.get('db'), actionContext(c).actor, id, now);
    const due = view.status === 'ditindaklanjuti' && view.autocloseAt ? null : dueStateOf(view.dueAt, now, cal);
    return renderAdmin(
      c,
      {
        title: `${view.ticket} · ${view.title}`,
        current: '/admin/pengaduan',
        breadcrumbs: [{ label: 'Pengaduan', href: '/admin/pengaduan' }, { label: view.ticket }],
      },
      <AdminDetailView csrf={sessionOf(c).csrfToken} v={view} due={due} targets={targets} notice={pickNotice(NOTICES, c.req.query('ok'))} failed={failed} />,
      { status },
    );
  };

  app.get(`/admin/pengaduan/${ID}`, (c) => detail(c, c.req.param('id')));

  app.post(`/admin/pengaduan/${ID}/tindakan`, async (c) => {
    const id = c.req.param('id');
    const values = await formValues(c);
    const action = typeof values.action === 'string' && values.action in ACTION_LABELS ? values.action : 'tidak_dikenal';
    const parsed = HandlerActionForm.safeParse(values);
    if (!parsed.success) return detail(c, id, { action, errors: fieldErrorsOf(parsed.error), values }, 422);
    let done: Awaited<ReturnType<typeof handlerAct>>;
    try {
      done = await handlerAct(complaintDeps(c), actionContext(c), id, parsed.data, Version.parse(values.version));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
        return detail(c, id, { action, errors: err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }], values }, err.status);
      }
      throw err;
    }
    if (done.movedTo && !done.stillVisible) {
      return renderAdmin(
        c,
        {
          title: `Laporan ${done.ticket} dikirim`,
          current: '/admin/pengaduan',
          breadcrumbs: [{ label: 'Pengaduan', href: '/admin/pengaduan' }, { label: done.ticket }],
        },
        <MovedOutView ticket={done.ticket} to={done.movedTo.label} status={done.status} unit={done.unit} />,
      );
    }
    return c.redirect(`/admin/pengaduan/${id}?ok=${parsed.data.action}`, 303);
  });

  app.get(`/admin/pengaduan/${ID}/foto/:aid{[0-9A-Z]{26}}`, async (c) => {
    const att = await handlerAttachment(c.get('db'), actionContext(c).actor, c.req.param('id'), c.req.param('aid'));
    return attachmentResponse(c.env.FILES, att, c.req.raw.headers);
  });

  return app;
}
