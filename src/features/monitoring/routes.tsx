import { Hono, type Context } from 'hono';
import { and, asc, eq } from 'drizzle-orm';
import type { AppEnv } from '../../env';
import { monitoringRuns, regions } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import type { FieldError } from '../../lib/errors';
import { parseOrThrow, queryObject } from '../../lib/validation';
import { authorize } from '../../regions/guard';
import { candidateRoots, can } from '../../regions/policy';
import { RegionCodeSchema } from '../../regions/schemas';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import { inSubtrees } from '../../regions/sql';
import { deadlineSourcesOf, type Registry } from '../descriptor';
import { recentDeliveries } from './digest';
import { listNotifications, markRead, unreadCount } from './notifications-repo';
import { NotificationsView } from './notifications-views';
import { flagsOfRegion, kecamatanRollups, listMonitoringRows, PAGE_SIZE, regionStatusOf } from './repo';
import { recentRuns } from './runs';
import { ChecklistIdParam, ChecklistItemForm, ChecklistToggleForm, MonitoringQuery, NotificationReadForm, RunJobForm, SettingsForm } from './schemas';
import { addChecklistItem, saveSettings, setChecklistItemActive, triggerJob } from './service';
import { loadChecklist, loadSettings } from './settings';
import { settingsValues, SettingsView } from './settings-views';
import { RegionMonitoringView } from './region-view';
import { MonitoringView } from './views';

const NOTIFICATIONS_PAGE = 50;

/** /admin/pemantauan (monitoring table, region detail, settings, manual runs) and /admin/notifikasi. */
export function monitoringRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const deadlineSources = deadlineSourcesOf(registry);

  app.get('/admin/pemantauan', async (c) => {
    const s = sessionOf(c);
    const roots = candidateRoots(s.memberships, 'monitoring.read');
    if (roots.length === 0) throw new AppError('not_found');
    const q = MonitoringQuery.parse(queryObject(new URL(c.req.url)));
    const db = c.get('db');
    const now = Date.now();
    const settings = await loadSettings(db);
    const canManage = candidateRoots(s.memberships, 'settings.manage').length > 0;
    const readiness = { days: settings.readinessDays, now };
    const ranId = c.req.query('dijalankan');
    const [list, kecamatan, rollups, ready, runs, ran] = await Promise.all([
      listMonitoringRows(db, roots, q, readiness),
      db
        .select({ code: regions.code, name: regions.name })
        .from(regions)
        .where(and(eq(regions.level, 'kecamatan'), inSubtrees(regions.code, roots)))
        .orderBy(asc(regions.name))
        .all(),
      kecamatanRollups(db, roots),
      listMonitoringRows(db, roots, { urut: 'wilayah', arah: 'naik', halaman: 1, siap: '1' }, readiness, 50),
      canManage ? recentRuns(db, 12) : Promise.resolve([]),
      canManage && ranId && /^[0-9A-Z]{26}$/.test(ranId)
        ? db.select().from(monitoringRuns).where(eq(monitoringRuns.id, ranId)).get()
        : Promise.resolve(undefined),
    ]);
    return renderAdmin(
      c,
      { title: 'Pemantauan wilayah', current: '/admin/pemantauan' },
      <MonitoringView
        rows={list.rows}
        total={list.total}
        needingAttention={list.needingAttention}
        unscanned={list.unscanned}
        q={q}
        kecamatan={kecamatan}
        rollups={rollups}
        ready={ready.rows.slice(0, 50)}
        runs={runs}
        canManage={canManage}
        readinessDays={settings.readinessDays}
        now={now}
        ran={ran}
        pageSize={PAGE_SIZE}
        csrf={s.csrfToken}
      />,
    );
  });

  app.get('/admin/pemantauan/wilayah/:code', async (c) => {
    const ctx = actionContext(c);
    const code = parseOrThrow(RegionCodeSchema, c.req.param('code'));
    const db = c.get('db');
    const region = await authorize(db, ctx.actor, 'monitoring.read', code);
    const [row, flags, settings] = await Promise.all([regionStatusOf(db, code), flagsOfRegion(db, code, { resolvedLimit: 20 }), loadSettings(db)]);
    if (!row) throw new AppError('not_found');
    const canStage = ctx.actor.kind === 'user' && can(ctx.actor.memberships, 'region.stage', region);
    return renderAdmin(
      c,
      {
        title: `Pemantauan ${region.name}`,
        current: '/admin/pemantauan',
        breadcrumbs: [{ label: 'Pemantauan', href: '/admin/pemantauan' }, { label: region.name }],
      },
      <RegionMonitoringView r={row} open={flags.open} resolved={flags.resolved} now={ctx.now} readinessDays={settings.readinessDays} canStage={canStage} />,
    );
  });

  app.post('/admin/pemantauan/jalankan', async (c) => {
    const form = await readForm(c, RunJobForm);
    if (!form.ok) throw new AppError('validation', 'Pilih pemindaian yang dijalankan.', { fieldErrors: form.errors });
    const run = await triggerJob({ db: c.get('db'), env: c.env, deadlineSources }, form.data.job, actionContext(c));
    return c.redirect(`/admin/pemantauan?dijalankan=${run.id}#riwayat-pemindaian`, 303);
  });

  const settingsPage = async (
    c: Context<AppEnv>,
    extra: { values?: FormValues; errors?: FieldError[]; itemValues?: FormValues; itemErrors?: FieldError[]; saved?: string; status?: number } = {},
  ) => {
    const s = sessionOf(c);
    const db = c.get('db');
    const [settings, items, deliveries] = await Promise.all([loadSettings(db), loadChecklist(db), recentDeliveries(db)]);
    return renderAdmin(
      c,
      {
        title: 'Pengaturan pemantauan',
        current: '/admin/pemantauan',
        breadcrumbs: [{ label: 'Pemantauan', href: '/admin/pemantauan' }, { label: 'Pengaturan' }],
      },
      <SettingsView
        csrf={s.csrfToken}
        values={extra.values ?? settingsValues(settings)}
        errors={extra.errors}
        items={items}
        itemValues={extra.itemValues}
        itemErrors={extra.itemErrors}
        deliveries={deliveries}
        saved={extra.saved}
      />,
      { status: extra.status },
    );
  };
  const requireManager = (c: Context<AppEnv>) => {
    if (candidateRoots(sessionOf(c).memberships, 'settings.manage').length === 0) throw new AppError('not_found');
  };

  app.get('/admin/pemantauan/pengaturan', async (c) => {
    requireManager(c);
    const ok = c.req.query('ok');
    return settingsPage(c, { saved: ok === 'pengaturan' ? 'Pengaturan disimpan.' : ok === 'ceklis' ? 'Daftar wajib diperbarui.' : undefined });
  });

  app.post('/admin/pemantauan/pengaturan', async (c) => {
    requireManager(c);
    const form = await readForm(c, SettingsForm);
    if (!form.ok) return settingsPage(c, { values: form.values, errors: form.errors, status: 422 });
    await saveSettings(c.get('db'), form.data, actionContext(c));
    return c.redirect('/admin/pemantauan/pengaturan?ok=pengaturan', 303);
  });

  app.post('/admin/pemantauan/ceklis', async (c) => {
    requireManager(c);
    const form = await readForm(c, ChecklistItemForm);
    if (!form.ok) return settingsPage(c, { itemValues: form.values, itemErrors: form.errors, status: 422 });
    await addChecklistItem(c.get('db'), form.data, actionContext(c));
    return c.redirect('/admin/pemantauan/pengaturan?ok=ceklis#daftar-wajib', 303);
  });

  app.post('/admin/pemantauan/ceklis/:id/status', async (c) => {
    requireManager(c);
    const id = ChecklistIdParam.safeParse(c.req.param('id'));
    if (!id.success) throw new AppError('not_found', 'Item daftar wajib tidak ditemukan.');
    const form = await readForm(c, ChecklistToggleForm);
    if (!form.ok) throw new AppError('validation', 'Status tidak valid.', { fieldErrors: form.errors });
    await setChecklistItemActive(c.get('db'), id.data, form.data.active === '1', actionContext(c));
    return c.redirect('/admin/pemantauan/pengaturan?ok=ceklis#daftar-wajib', 303);
  });

  app.get('/admin/notifikasi', async (c) => {
    const s = sessionOf(c);
    const db = c.get('db');
    const before = Number(c.req.query('sebelum'));
    const marked = c.req.query('ditandai');
    const [rows, unread] = await Promise.all([
      listNotifications(db, s.userId, { before: Number.isSafeInteger(before) && before > 0 ? before : undefined, limit: NOTIFICATIONS_PAGE + 1 }),
      unreadCount({ db, userId: s.userId }),
    ]);
    const page = rows.slice(0, NOTIFICATIONS_PAGE);
    return renderAdmin(
      c,
      { title: 'Notifikasi', current: '/admin/notifikasi' },
      <NotificationsView
        csrf={s.csrfToken}
        rows={page}
        unread={unread}
        more={rows.length > NOTIFICATIONS_PAGE ? page[page.length - 1]?.createdAt : undefined}
        marked={marked !== undefined && /^\d{1,6}$/.test(marked) ? Number(marked) : undefined}
      />,
    );
  });

  app.post('/admin/notifikasi/baca', async (c) => {
    const s = sessionOf(c);
    const form = await readForm(c, NotificationReadForm);
    if (!form.ok) throw new AppError('not_found', 'Notifikasi tidak ditemukan.');
    const n = await markRead(c.get('db'), s.userId, Date.now(), form.data.id);
    return c.redirect(`/admin/notifikasi?ditandai=${n}`, 303);
  });

  return app;
}
