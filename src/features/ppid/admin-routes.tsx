import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { contentDisposition } from '../../lib/file-type';
import { readForm, type FormValues } from '../../lib/forms';
import { originOf } from '../../lib/origin';
import { queryObject } from '../../lib/validation';
import { citizenNoticeDeps } from '../../messaging/request-deps';
import { deadlineState } from '../../lib/working-days';
import { allows } from '../../regions/guard';
import { regionTitle } from '../../regions/labels';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import { ppidAdminPages, ppidRoots } from './admin-pages';
import { RequestDetailView, RequestListView } from './admin-views';
import { sendPpidNotice } from './citizen-notice';
import { answerRequest, decideObjection, extendRequest, loadForOfficer, processRequest, recordCommission, type UploadedFile } from './officer-service';
import { findRegion, listEvents, listRequests, loadCalendar, regionFigures } from './repo';
import { AdminListQuery, AnswerForm, CommissionForm, DecideObjectionForm, ExtendForm } from './schemas';
import { stateOf } from './service';
import { availableActions, isOpen } from './state';
import { pickNotice } from '../../lib/notices';

const NOTICES: Record<string, string> = {
  proses: 'Permohonan mulai diproses.',
  perpanjang: 'Jangka waktu diperpanjang; alasan tercatat di riwayat yang dilihat pemohon.',
  jawab: 'Jawaban terkirim. Pemohon dapat melihatnya dengan kode rahasianya.',
  keberatan: 'Putusan atasan PPID tercatat.',
  komisi: 'Pengajuan ke Komisi Informasi tercatat.',
};

async function detailPage(c: Context<AppEnv>, id: string, extra: { errors?: FieldError[]; values?: FormValues; notice?: string } = {}, status = 200) {
  const ctx = actionContext(c);
  const db = c.get('db');
  const { row, objection } = await loadForOfficer(db, ctx, id);
  const [events, cal, region] = await Promise.all([listEvents(db, row.regionCode, row.id), loadCalendar(db), findRegion(db, row.regionCode)]);
  const s = stateOf(row, objection);
  return renderAdmin(
    c,
    { title: `Permohonan ${row.number}`, current: '/admin/ppid', breadcrumbs: [{ label: 'PPID', href: '/admin/ppid' }, { label: row.number }] },
    <RequestDetailView
      row={row}
      objection={objection}
      events={events}
      regionName={region ? regionTitle(region) : row.regionCode}
      deadline={isOpen(s) ? deadlineState(row.dueAt, ctx.now, cal) : null}
      objectionDeadline={objection?.status === 'diajukan' ? deadlineState(objection.dueAt, ctx.now, cal) : null}
      actions={availableActions(s, ctx.now)}
      canDecide={region ? allows(ctx.actor, 'ppid.objection.decide', region) : false}
      csrf={sessionOf(c).csrfToken}
      {...extra}
    />,
    { status },
  );
}

/** The applicant's opt-in message after an extension or an answer (never fails the action). */
const notifyApplicant = (c: Context<AppEnv>, id: string) => sendPpidNotice(citizenNoticeDeps(c), originOf(c), id);

/** Runs an officer action: 422 re-render for bad input, 409 re-render for a rule the state machine refuses. */
async function act(c: Context<AppEnv>, id: string, key: string, fn: () => Promise<unknown>, values?: FormValues) {
  try {
    await fn();
  } catch (err) {
    if (
      err instanceof AppError &&
      (err.code === 'conflict' || err.code === 'validation' || err.code === 'payload_too_large' || err.code === 'unsupported_media_type')
    ) {
      const errors = err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }];
      return detailPage(c, id, { errors, values }, err.status);
    }
    throw err;
  }
  return c.redirect(`/admin/ppid/permohonan/${id}?ok=${key}`, 303);
}

export function ppidAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/ppid', async (c) => {
    const roots = ppidRoots(c);
    const q = AdminListQuery.parse(queryObject(new URL(c.req.url)));
    const db = c.get('db');
    const now = Date.now();
    const [rows, figures, cal] = await Promise.all([listRequests(db, roots, q.status), regionFigures(db, roots, now), loadCalendar(db)]);
    const withDeadline = rows.map((r) => ({
      ...r,
      deadline:
        r.objectionStatus === 'diajukan' && r.objectionDueAt
          ? deadlineState(r.objectionDueAt, now, cal)
          : r.status !== 'dijawab'
            ? deadlineState(r.dueAt, now, cal)
            : null,
    }));
    return renderAdmin(
      c,
      { title: 'Permohonan informasi', current: '/admin/ppid' },
      <RequestListView rows={withDeadline} figures={figures} filter={q.status} />,
    );
  });

  app.get('/admin/ppid/permohonan/:id', async (c) => {
    ppidRoots(c);
    const ok = c.req.query('ok');
    return detailPage(c, c.req.param('id'), { notice: pickNotice(NOTICES, ok) });
  });

  app.post('/admin/ppid/permohonan/:id/proses', async (c) => {
    const id = c.req.param('id');
    return act(c, id, 'proses', () => processRequest(c.get('db'), actionContext(c), id));
  });

  app.post('/admin/ppid/permohonan/:id/perpanjang', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c, ExtendForm);
    if (!form.ok) return detailPage(c, id, { errors: form.errors, values: form.values }, 422);
    return act(c, id, 'perpanjang', () => extendRequest(c.get('db'), actionContext(c), id, form.data).then(() => notifyApplicant(c, id)), form.values);
  });

  app.post('/admin/ppid/permohonan/:id/jawab', async (c) => {
    const id = c.req.param('id');
    const max = Number(c.env.UPLOAD_MAX_BYTES) || 20 * 1024 * 1024;
    if (Number(c.req.header('Content-Length') ?? '0') > max + 256 * 1024) throw new AppError('payload_too_large', 'Berkas jawaban terlalu besar.');
    const form = await readForm(c, AnswerForm);
    if (!form.ok) return detailPage(c, id, { errors: form.errors, values: form.values }, 422);
    const body = await c.req.parseBody();
    const f = body.document;
    const file: UploadedFile | null = f instanceof File && f.size > 0 ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
    return act(
      c,
      id,
      'jawab',
      () =>
        answerRequest({ db: c.get('db'), files: c.env.FILES, maxUploadBytes: max }, actionContext(c), id, form.data, file).then(() => notifyApplicant(c, id)),
      form.values,
    );
  });

  app.post('/admin/ppid/permohonan/:id/keberatan', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c, DecideObjectionForm);
    if (!form.ok) return detailPage(c, id, { errors: form.errors, values: form.values }, 422);
    return act(c, id, 'keberatan', () => decideObjection(c.get('db'), actionContext(c), id, form.data), form.values);
  });

  app.post('/admin/ppid/permohonan/:id/komisi', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c, CommissionForm);
    if (!form.ok) return detailPage(c, id, { errors: form.errors, values: form.values }, 422);
    return act(c, id, 'komisi', () => recordCommission(c.get('db'), actionContext(c), id, form.data.commission_note), form.values);
  });

  app.get('/admin/ppid/permohonan/:id/dokumen', async (c) => {
    const { row } = await loadForOfficer(c.get('db'), actionContext(c), c.req.param('id'));
    if (!row.answerDocKey) throw new AppError('not_found', 'Tidak ada dokumen jawaban.');
    const obj = await c.env.FILES.get(row.answerDocKey);
    if (!obj) throw new AppError('not_found', 'Dokumen jawaban tidak ditemukan.');
    return new Response(obj.body, {
      headers: {
        'Content-Type': row.answerDocMime ?? 'application/octet-stream',
        'Content-Disposition': contentDisposition(row.answerDocName ?? 'jawaban'),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  app.route('/', ppidAdminPages());
  return app;
}
