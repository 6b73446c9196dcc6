import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { readForm } from '../../lib/forms';
import { candidateRoots } from '../../regions/policy';
import { rootRegionCode } from '../../regions/repo';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import { RegisterPartnerForm } from './schemas';
import { listPartners, registerPartner, revokePartner, rotateSecret } from './service';
import { PartnersView, SecretOnceView } from './views';

const ClientId = z.string().regex(/^mitra_[a-z0-9]{16}$/);

export function partnerAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const deps = async (c: Context<AppEnv>) => {
    if (candidateRoots(sessionOf(c).memberships, 'partner.manage').length === 0) throw new AppError('not_found');
    return { db: c.get('db'), secret: c.env.SESSION_SECRET, rootRegion: await rootRegionCode(c.get('db')) };
  };
  const clientId = (c: Context<AppEnv>) => {
    const p = ClientId.safeParse(c.req.param('id'));
    if (!p.success) throw new AppError('not_found', 'Mitra tidak ditemukan.');
    return p.data;
  };

  app.get('/admin/mitra', async (c) => {
    const d = await deps(c);
    const notice = c.req.query('dicabut') ? 'Akses mitra dicabut; semua tokennya tidak berlaku lagi.' : undefined;
    return renderAdmin(
      c,
      { title: 'Mitra API', current: '/admin/mitra' },
      <PartnersView csrf={sessionOf(c).csrfToken} partners={await listPartners(d.db)} notice={notice} />,
    );
  });

  app.post('/admin/mitra', async (c) => {
    const d = await deps(c);
    const form = await readForm(c, RegisterPartnerForm);
    if (!form.ok) {
      return renderAdmin(
        c,
        { title: 'Mitra API', current: '/admin/mitra' },
        <PartnersView csrf={sessionOf(c).csrfToken} partners={await listPartners(d.db)} errors={form.errors} values={form.values} />,
        { status: 422 },
      );
    }
    const creds = await registerPartner(d, form.data, actionContext(c));
    return renderAdmin(c, { title: 'Mitra terdaftar', current: '/admin/mitra' }, <SecretOnceView {...creds} name={form.data.name} rotated={false} />);
  });

  app.post('/admin/mitra/:id/ganti-secret', async (c) => {
    const d = await deps(c);
    const creds = await rotateSecret(d, clientId(c), actionContext(c));
    return renderAdmin(c, { title: 'Secret baru', current: '/admin/mitra' }, <SecretOnceView {...creds} name={creds.clientId} rotated />);
  });

  app.post('/admin/mitra/:id/cabut', async (c) => {
    const d = await deps(c);
    await revokePartner(d, clientId(c), actionContext(c));
    return c.redirect('/admin/mitra?dicabut=1', 303);
  });

  return app;
}
