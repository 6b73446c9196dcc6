/**
 * The access matrix over HTTP (issue 12): every GET admin page the app mounts (read from the Hono router, not a hand
 * list) × every role at its region and anonymous. The action a page needs is the one of the admin-menu entry that
 * covers its path (the feature registry's `adminNav`); the expected answer follows the access policy: the page for a
 * role that may do the action somewhere, 404 otherwise (its existence is not revealed), the login page for anonymous.
 * A new admin page without a guard, or outside every menu entry and not listed as open to every officer, fails.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Role } from '../../src/db/schema';
import { FEATURES } from '../../src/features';
import { adminShellOf } from '../../src/features/descriptor';
import { candidateRoots } from '../../src/regions/policy';
import { loginAs, type Browser } from '../helpers/auth';
import { get } from '../helpers/http';

/** Pages every logged-in officer has, whatever the role (their own account, home, notifications, drafts). */
const EVERY_OFFICER = new Set(['/admin', '/admin/akun', '/admin/akun/notifikasi']);
/** Lists that answer a role without the right with an explanation (and no rows) instead of 404, by design. */
const EXPLAINS_REFUSAL: Record<string, string> = { '/admin/pengaduan': 'Peran Anda tidak menangani pengaduan' };
/** Pages reached from another page rather than the menu, with the menu entry they belong to. */
const OUTSIDE_MENU: Record<string, string> = { '/admin/impor': '/admin/situs-lama' };

const MEMBERS: Array<[Role, string]> = [
  ['diskominfo', '64.08'],
  ['operator_kecamatan', '64.08.04'],
  ['operator_desa', '64.08.04.2012'],
  ['ppid', '64.08.04'],
  ['penanganan_pengaduan', '64.08.04'],
  ['pengelola_pengadaan', '64.08'],
];

const nav = adminShellOf(FEATURES).nav;
const pages = [
  ...new Set(
    createApp(FEATURES)
      .routes.filter((r) => r.method === 'GET' && r.path.startsWith('/admin') && !/[:*]/.test(r.path))
      .map((r) => r.path),
  ),
].sort();

/**
 * The menu entry covering a path (longest href that is the path or a parent of it). An entry's `action` may be a
 * list (any of them opens it).
 */
function actionOf(path: string): (typeof nav)[number] | undefined {
  if (OUTSIDE_MENU[path]) return nav.find((n) => n.href === OUTSIDE_MENU[path]);
  const covering = nav.filter((n) => n.href !== '/admin' && (path === n.href || path.startsWith(`${n.href}/`)));
  covering.sort((a, b) => b.href.length - a.href.length);
  return covering[0];
}

describe('admin access matrix over HTTP', () => {
  it('finds the admin pages in the router', () => {
    expect(pages.length).toBeGreaterThan(15);
    expect(pages).toEqual(expect.arrayContaining(['/admin/pengguna', '/admin/audit', '/admin/data-pribadi']));
    const unowned = pages.filter((p) => !EVERY_OFFICER.has(p) && !actionOf(p));
    expect(unowned, 'admin pages outside every menu entry: give them a menu entry or list them as open to every officer').toEqual([]);
  });

  it('answers every page × role as the access policy says', { timeout: 240_000 }, async () => {
    const browsers: Array<[Role, string, Browser]> = [];
    for (const [role, region] of MEMBERS) browsers.push([role, region, await loginAs([[role, region]])]);
    const mismatches: string[] = [];
    for (const path of pages) {
      const anon = await get(path);
      if (![302, 303].includes(anon.status) || !(anon.headers.get('Location') ?? '').startsWith('/masuk')) mismatches.push(`anonim ${path}: ${anon.status}`);
      const item = actionOf(path);
      for (const [role, region, b] of browsers) {
        const actions = item ? [item.action].flat() : [];
        const allowed = !item || actions.some((a) => candidateRoots([{ role, regionCode: region }], a).length > 0);
        const res = await b.get(path);
        const body = await res.text();
        // Never more open than its menu entry; a sub-page may be stricter (e.g. settings under a list), the entry itself is open.
        const explained = EXPLAINS_REFUSAL[path];
        const denied = res.status === 404 || res.status === 403 || (explained !== undefined && res.status === 200 && body.includes(explained));
        const ok = allowed ? res.status === 200 || (path !== item?.href && !OUTSIDE_MENU[path] && denied) : denied;
        if (!ok) mismatches.push(`${role}@${region} ${path} (${actions.join(',') || 'semua petugas'}): ${res.status}, diharapkan ${allowed ? 200 : 404}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
