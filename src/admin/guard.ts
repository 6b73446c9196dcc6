import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { AppError } from '../lib/errors';
import { sessionOf } from '../auth/session';
import type { AdminShell } from './shell';

/**
 * Every /admin response: never cached anywhere; a temporary password must be changed before anything else. Puts the
 * admin shell (menu, "Perlu tindakan" providers from the feature registry) on the request for the pages.
 */
export function adminGuard(shell: AdminShell): MiddlewareHandler<AppEnv> {
  return async function adminGuardMiddleware(c, next) {
    c.set('adminShell', shell);
    c.header('Cache-Control', 'no-store');
    const s = sessionOf(c);
    if (s.mustChangePassword && c.req.path !== '/admin/akun') {
      if (c.req.method === 'GET') return c.redirect('/admin/akun', 303);
      throw new AppError('forbidden', 'Ganti kata sandi sementara Anda terlebih dahulu.');
    }
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
