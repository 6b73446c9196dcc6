import { asc } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { regions } from '../../db/schema';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import { isPartial } from '../../lib/htmx';
import { parseQuery } from '../../lib/validation';
import { candidateRoots } from '../../regions/policy';
import { actionContext } from '../../admin/context';
import { iterationsOf } from '../../auth/request';
import { renderAdmin } from '../../admin/render';
import { UserDetailView, UsersView, type RegionOption } from './admin-views';
import { membershipsOfUser } from '../../auth/repo';
import { findUserById, listUsers, membershipsForUsers } from './repo';
import { CreateUserForm, MembershipInput, ResetPasswordForm, UserListQuery } from './schemas';
import { addMembership, createUser, removeMembership, resetPassword, setUserActive } from './service';
import { sessionOf } from '../../auth/session';
import { pickNotice } from '../../lib/notices';

const IdParam = z.string().regex(/^[0-9A-Z]{26}$/);

async function regionOptions(c: Context<AppEnv>): Promise<RegionOption[]> {
  return c.get('db').select({ code: regions.code, name: regions.name, level: regions.level }).from(regions).orderBy(asc(regions.code)).all();
}

/** 404 for anyone who may not manage users (the pages' existence is not revealed). */
function assertManager(c: Context<AppEnv>) {
  if (candidateRoots(sessionOf(c).memberships, 'user.manage').length === 0) throw new AppError('not_found');
}

function userId(c: Context<AppEnv>): string {
  const parsed = IdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', 'Akun tidak ditemukan.');
  return parsed.data;
}

export function userAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const listPage = async (c: Context<AppEnv>, extra: { errors?: FieldError[]; values?: FormValues; status?: number } = {}) => {
    const q = parseQuery(UserListQuery, new URL(c.req.url));
    const db = c.get('db');
    const users = await listUsers(db, { q: q.q, role: q.peran, limit: 100, offset: (q.halaman - 1) * 100 });
    const ms = await membershipsForUsers(
      db,
      users.map((u) => u.id),
    );
    const withRoles = users.map((u) => ({ ...u, roles: ms.filter((m) => m.userId === u.id) }));
    return renderAdmin(
      c,
      { title: 'Pengguna', current: '/admin/pengguna' },
      <UsersView
        csrf={sessionOf(c).csrfToken}
        users={withRoles}
        regions={await regionOptions(c)}
        q={q.q}
        errors={extra.errors}
        values={extra.values}
        created={c.req.query('dibuat')}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/pengguna', (c) => {
    assertManager(c);
    return listPage(c);
  });

  app.post('/admin/pengguna', async (c) => {
    assertManager(c);
    const form = await readForm(c, CreateUserForm);
    if (!form.ok) return listPage(c, { errors: form.errors, values: form.values, status: 422 });
    try {
      await createUser({ db: c.get('db'), iterations: iterationsOf(c) }, form.data, actionContext(c));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
        return listPage(c, {
          errors: err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }],
          values: { ...form.values, password: '' },
          status: err.status,
        });
      }
      throw err;
    }
    return c.redirect(`/admin/pengguna?dibuat=${encodeURIComponent(form.data.username)}`, 303);
  });

  const detailPage = async (c: Context<AppEnv>, id: string, extra: { errors?: FieldError[]; values?: FormValues; status?: number } = {}) => {
    const db = c.get('db');
    const user = await findUserById(db, id);
    if (!user) throw new AppError('not_found', 'Akun tidak ditemukan.');
    const ms = await membershipsOfUser(db, id);
    const notices: Record<string, string> = {
      peran: 'Peran ditambahkan.',
      cabut: 'Peran dicabut.',
      sandi: 'Kata sandi diatur ulang; semua sesi pengguna berakhir.',
      status: 'Status akun diperbarui.',
    };
    return renderAdmin(
      c,
      { title: user.name, current: '/admin/pengguna', breadcrumbs: [{ label: 'Pengguna', href: '/admin/pengguna' }, { label: user.name }] },
      <UserDetailView
        csrf={sessionOf(c).csrfToken}
        user={user}
        memberships={ms}
        regions={await regionOptions(c)}
        errors={extra.errors}
        values={extra.values}
        notice={pickNotice(notices, c.req.query('ok'))}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/pengguna/:id', (c) => {
    assertManager(c);
    return detailPage(c, userId(c));
  });

  /** Runs a user mutation; validation/conflict errors re-render the detail page with the message. */
  const mutate = async (c: Context<AppEnv>, id: string, ok: string, run: () => Promise<unknown>, values?: FormValues) => {
    try {
      await run();
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
        return detailPage(c, id, { errors: err.fieldErrors.length ? err.fieldErrors : [{ field: '_', message: err.message }], values, status: err.status });
      }
      throw err;
    }
    return c.redirect(`/admin/pengguna/${id}?ok=${ok}`, 303);
  };

  app.post('/admin/pengguna/:id/peran', async (c) => {
    assertManager(c);
    const id = userId(c);
    const form = await readForm(c, MembershipInput);
    if (!form.ok) return detailPage(c, id, { errors: form.errors, values: form.values, status: 422 });
    return mutate(c, id, 'peran', () => addMembership(c.get('db'), id, form.data, actionContext(c)), form.values);
  });

  app.post('/admin/pengguna/:id/peran/:mid/cabut', async (c) => {
    assertManager(c);
    const id = userId(c);
    const mid = IdParam.safeParse(c.req.param('mid'));
    if (!mid.success) throw new AppError('not_found', 'Peran tidak ditemukan.');
    if (isPartial(c)) {
      // htmx inline action: the list item is replaced by a short confirmation.
      await removeMembership(c.get('db'), id, mid.data, actionContext(c));
      return c.html(<li role="status">Peran dicabut. Sesi pengguna ini telah diakhiri.</li>);
    }
    return mutate(c, id, 'cabut', () => removeMembership(c.get('db'), id, mid.data, actionContext(c)));
  });

  app.post('/admin/pengguna/:id/sandi', async (c) => {
    assertManager(c);
    const id = userId(c);
    const form = await readForm(c, ResetPasswordForm);
    if (!form.ok) return detailPage(c, id, { errors: form.errors, status: 422 });
    return mutate(c, id, 'sandi', () => resetPassword({ db: c.get('db'), iterations: iterationsOf(c) }, id, form.data.password, actionContext(c)));
  });

  app.post('/admin/pengguna/:id/status', async (c) => {
    assertManager(c);
    const id = userId(c);
    const form = await readForm(c, z.object({ aktif: z.enum(['0', '1'], { message: 'Status tidak valid.' }) }));
    if (!form.ok) return detailPage(c, id, { errors: form.errors, status: 422 });
    return mutate(c, id, 'status', () => setUserActive(c.get('db'), id, form.data.aktif === '1', actionContext(c)));
  });

  return app;
}
