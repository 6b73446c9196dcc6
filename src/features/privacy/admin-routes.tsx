import { type Context, Hono } from 'hono';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import { sessionOf } from '../../auth/session';
import { purgeRegionPages } from '../../cache/purge';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import { candidateRoots } from '../../regions/policy';
import { personalDataSourcesOf, type Registry } from '../descriptor';
import { retentionDays } from './retention';
import { EraseForm } from './schemas';
import { eraseByReference } from './service';
import { PrivacyView } from './views';

/** `/admin/data-pribadi`: erasure on request and the retention periods (Diskominfo only; 404 for everyone else). */
export function privacyAdminRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const sources = personalDataSourcesOf(registry);

  const roots = (c: Context<AppEnv>) => {
    const r = candidateRoots(sessionOf(c).memberships, 'personal_data.erase');
    if (r.length === 0) throw new AppError('not_found');
    return r;
  };

  const page = (c: Context<AppEnv>, extra: { errors?: FieldError[]; values?: FormValues; status?: number; done?: string } = {}) => {
    const days = retentionDays(sources, c.env.RETENTION_DAYS);
    const retention = sources.map((s) => ({ label: s.label, kind: s.kind, days: days.get(s.kind) ?? s.defaultRetentionDays, basis: s.basis }));
    return renderAdmin(
      c,
      { title: 'Data pribadi', current: '/admin/data-pribadi' },
      <PrivacyView csrf={sessionOf(c).csrfToken} retention={retention} errors={extra.errors} values={extra.values} done={extra.done} />,
      { status: extra.status },
    );
  };

  app.get('/admin/data-pribadi', (c) => {
    roots(c);
    const done = c.req.query('dihapus');
    return page(c, { done: done && /^[A-Z]{3,4}-[0-9A-Z-]{4,20}$/.test(done) ? `Data pribadi ${done} telah dihapus.` : undefined });
  });

  app.post('/admin/data-pribadi/hapus', async (c) => {
    const allowed = roots(c);
    const form = await readForm(c, EraseForm);
    if (!form.ok) return page(c, { errors: form.errors, values: form.values, status: 422 });
    const db = c.get('db');
    try {
      const done = await eraseByReference(
        { db, env: c.env, purge: (code) => purgeRegionPages({ db, env: c.env }, code, c.get('requestId')) },
        sources,
        allowed,
        { reference: form.data.nomor, reason: form.data.alasan },
        actionContext(c),
      );
      return c.redirect(`/admin/data-pribadi?dihapus=${encodeURIComponent(done.reference)}`, 303);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
        return page(c, { errors: err.fieldErrors, values: { ...form.values, konfirmasi: '' }, status: err.status });
      }
      throw err;
    }
  });

  return app;
}
