import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { readForm } from '../../lib/forms';
import { renderPage } from '../../views/render';
import { renderAdmin } from '../../admin/render';
import { actionContext } from '../../admin/context';
import { login, logout } from '../../auth/login';
import { clientIp, iterationsOf } from '../../auth/request';
import { ChangeOwnPasswordForm, LoginForm } from './schemas';
import { changeOwnPassword } from './service';
import { actorOf, clearSessionCookie, issueSessionCookie, requireUser, sessionOf } from '../../auth/session';
import { ChangePasswordView, LoginView } from './views';
import { officerNotifyRoutes } from './notify-routes';
import { PUBLIC_ACTOR } from '../../auth/actor';

/** Only same-site relative paths under /admin are accepted as the post-login destination. */
export function safeNext(raw: string | undefined): string {
  if (!raw || !/^\/admin(?:[/?#]|$)/.test(raw) || raw.includes('//') || raw.includes('\\') || raw.includes('..')) return '/admin';
  return raw;
}

export function accountRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/masuk', (c) => {
    c.header('Cache-Control', 'no-store');
    if (c.get('session')) return c.redirect('/admin', 303);
    const lanjut = c.req.query('lanjut');
    return renderPage(
      c,
      { title: 'Masuk petugas' },
      <LoginView lanjut={lanjut ? safeNext(lanjut) : undefined} notice={c.req.query('keluar') === '1' ? 'Anda telah keluar.' : undefined} />,
    );
  });

  app.post('/masuk', async (c) => {
    c.header('Cache-Control', 'no-store');
    const form = await readForm(c, LoginForm);
    if (!form.ok) return renderPage(c, { title: 'Masuk petugas' }, <LoginView values={form.values} errors={form.errors} />, { status: 422 });
    try {
      const user = await login(
        { db: c.get('db'), iterations: iterationsOf(c) },
        { ...form.data, ip: clientIp(c) },
        { actor: PUBLIC_ACTOR, requestId: c.get('requestId'), now: Date.now() },
      );
      await issueSessionCookie(c, user);
      return c.redirect(user.mustChangePassword ? '/admin/akun' : safeNext(form.data.lanjut), 303);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'rate_limited')) {
        for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
        const errors = err.fieldErrors.length ? err.fieldErrors : [{ field: 'login', message: err.message }];
        return renderPage(c, { title: 'Masuk petugas' }, <LoginView values={{ login: form.data.login }} errors={errors} lanjut={form.data.lanjut} />, {
          status: err.status,
        });
      }
      throw err;
    }
  });

  app.post('/keluar', requireUser(), async (c) => {
    const session = sessionOf(c);
    await logout(c.get('db'), session, actionContext(c));
    clearSessionCookie(c);
    c.header('Cache-Control', 'no-store');
    return c.redirect('/masuk?keluar=1', 303);
  });

  app.get('/admin/akun', requireUser(), (c) => {
    const s = sessionOf(c);
    return renderAdmin(
      c,
      { title: 'Akun saya' },
      <ChangePasswordView csrf={s.csrfToken} forced={s.mustChangePassword} done={c.req.query('berhasil') === '1'} />,
    );
  });

  app.post('/admin/akun', requireUser(), async (c) => {
    const s = sessionOf(c);
    const form = await readForm(c, ChangeOwnPasswordForm);
    const fail = (errors: { field: string; message: string }[], status: number) =>
      renderAdmin(c, { title: 'Akun saya' }, <ChangePasswordView csrf={s.csrfToken} forced={s.mustChangePassword} errors={errors} />, { status });
    if (!form.ok) return fail(form.errors, 422);
    try {
      const user = await changeOwnPassword({ db: c.get('db'), iterations: iterationsOf(c) }, s.userId, form.data, {
        actor: actorOf(s),
        requestId: c.get('requestId'),
        now: Date.now(),
      });
      await issueSessionCookie(c, user); // the version bump ended other sessions; keep this one
      return c.redirect('/admin/akun?berhasil=1', 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return fail(err.fieldErrors, 422);
      throw err;
    }
  });

  app.route('/', officerNotifyRoutes());

  return app;
}
