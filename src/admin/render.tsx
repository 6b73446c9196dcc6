import type { Context } from 'hono';
import type { Child, FC } from 'hono/jsx';
import type { AppEnv } from '../env';
import { isPartial } from '../lib/htmx';
import type { Crumb } from '../views/components';
import { Layout } from '../views/layout';
import { sessionOf } from '../auth/session';
import { navFor } from './nav';
import { portalName } from '../config';

/** A number after a menu label (async: its query runs while the page renders); nothing when 0 or on error. */
const NavCount = async ({ count, label }: { count: Promise<number>; label: string }) => {
  const n = await count.catch(() => 0);
  return n > 0 ? (
    <>
      {' '}
      <span class="nav-count">
        {n}
        <span class="visually-hidden"> {label}</span>
      </span>
    </>
  ) : null;
};

export const CsrfField: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

/** Renders an admin page (or only `fragment` for htmx) — never cached: `Cache-Control: no-store`. */
export function renderAdmin(
  c: Context<AppEnv>,
  props: { title: string; breadcrumbs?: Crumb[]; current?: string /** Extra page scripts, e.g. '/js/downscale.js'. */; scripts?: string[]; styles?: string[] },
  body: Child,
  options: { status?: number; fragment?: Child } = {},
) {
  const session = sessionOf(c);
  c.header('Cache-Control', 'no-store');
  const status = (options.status ?? 200) as 200;
  if (options.fragment !== undefined && isPartial(c)) return c.html(<>{options.fragment}</>, status);
  const nav = navFor(c.get('adminShell')?.nav ?? [], session);
  return c.html(
    <Layout
      title={props.title}
      assetVersion={c.env.APP_VERSION}
      portalName={portalName(c.env)}
      csrfToken={session.csrfToken}
      breadcrumbs={props.breadcrumbs}
      scripts={props.scripts}
      styles={props.styles}
      header={
        <div class="admin-user">
          <a class="admin-menu-link" href="#menu-admin">
            Menu
          </a>
          <a href="/admin/akun">{session.name}</a>
          <form method="post" action="/keluar" class="inline">
            <CsrfField token={session.csrfToken} />
            <button type="submit" class="link-button">
              Keluar
            </button>
          </form>
        </div>
      }
    >
      {/* DESIGN.md: on a phone the task list comes first, then the navigation (CSS moves it on top on wide screens). */}
      <div class="admin-shell">
        <div class="admin-body">{body}</div>
        <nav class="admin-nav" id="menu-admin" aria-label="Menu admin">
          <ul>
            {nav.map((n) => (
              <li>
                <a href={n.href} aria-current={props.current === n.href ? 'page' : undefined}>
                  {n.label}
                  {n.count ? <NavCount count={n.count({ db: c.get('db'), userId: session.userId })} label={n.countLabel ?? ''} /> : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </Layout>,
    status,
  );
}
