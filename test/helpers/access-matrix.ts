/**
 * The access matrix over HTTP for admin detail pages and POST routes (test/integration/admin-access-*.test.ts): the
 * routes come from the Hono router, the action each needs from the admin menu entry that covers it (the feature
 * registry's `adminNav`) or a narrower override below, and the expected answer from THE access policy
 * (src/regions/policy.ts) for one membership and one record's region and stage:
 * - `hidden`: the record's region is outside the membership's region → 404 (its existence is not revealed);
 * - `deny`: reachable but the policy refuses the action → a refusal (403/404, or 409/422 when the state or the empty
 *   form is refused before the right is checked), and nothing written;
 * - `allow`: the policy allows it → anything but 403, 404 or 500 (422 for an empty form, 409 for a wrong state…).
 * Routes whose path names no record the test can create (users, partners, calendar days…) take a placeholder id and
 * are judged by whether the role may do the action anywhere (`candidateRoots`): refused roles must get a 4xx; for the
 * others the empty form names no region, so any answer but a 500 is accepted.
 */
import { env } from 'cloudflare:test';
import { createApp } from '../../src/app';
import type { ManagementStage, Role } from '../../src/db/schema';
import { FEATURES } from '../../src/features';
import { adminShellOf } from '../../src/features/descriptor';
import { isWithin } from '../../src/regions/codes';
import { type Action, candidateRoots, membershipAllows, type Membership } from '../../src/regions/policy';
import { type Browser, loginAs } from './auth';
import { insertComplaint, insertDocument, insertInfoRequest } from './monitoring';
import { insertPlace } from './geo';
import { insertPost } from './seed';
import { submitSku } from './letters-http';

export const ROLES: Role[] = ['diskominfo', 'operator_kecamatan', 'operator_desa', 'ppid', 'penanganan_pengaduan', 'pengelola_pengadaan'];
export const STAGES: ManagementStage[] = ['diskominfo', 'pendampingan', 'mandiri'];

/** The regions of the matrix: a desa, its kecamatan, the regency and an unrelated kecamatan. */
export const DESA = '64.08.04.2012';
export const KECAMATAN = '64.08.04';
export const REGENCY = '64.08';
export const OTHER = '64.08.05';

export type Relation = 'own' | 'parent' | 'child' | 'other';
/** For each relation of the membership to the record's region: [record region, membership region]. */
export const RELATIONS: Record<Relation, Array<[string, string]>> = {
  own: [
    [DESA, DESA],
    [KECAMATAN, KECAMATAN],
  ],
  parent: [
    [DESA, KECAMATAN],
    [KECAMATAN, REGENCY],
  ],
  child: [[KECAMATAN, DESA]],
  other: [
    [DESA, OTHER],
    [KECAMATAN, OTHER],
  ],
};

const nav = adminShellOf(FEATURES).nav;

/**
 * The actions a POST needs on public content, narrower than its menu entry (publishing, review, editing). Reading
 * a record (its page, a confirmation page) takes the menu entry's actions: a PPID officer opens a document to
 * declassify it, a reviewer opens what it reviews.
 */
const CONTENT_WRITES: Array<[RegExp, Action[]]> = [
  // The publishing workflow (src/publishing/workflow.ts): a reviewer may also withdraw what is published.
  [/^\/admin\/(konten|dokumen|tempat)\/:id\/terbitkan$/, ['content.publish']],
  [/^\/admin\/(konten|dokumen|tempat)\/:id\/tarik$/, ['content.publish', 'content.review']],
  [/^\/admin\/(konten|dokumen|tempat)\/:id\/(setujui|tolak)$/, ['content.review']],
  [/^\/admin\/dokumen\/:id\/versi\/:keputusan/, ['content.review']],
  [/^\/admin\/dokumen\/:id\/klasifikasi$/, ['content.draft', 'document.declassify']],
  [/^\/admin\/(konten|dokumen|tempat)(\/|$)/, ['content.draft']],
];

/** Routes that need another action than their menu entry's, to read or to write. */
const ACTION_OVERRIDES: Array<[RegExp, Action[]]> = [
  [/^\/admin\/lelang\/impor/, ['tender.regency']],
  [/^\/admin\/impor(\/|$)/, ['site.migrate']],
  [/^\/admin\/wilayah\/:code\/batas/, ['region.boundary']],
  [/^\/admin\/pengaduan\/kategori/, ['settings.manage']],
  [/^\/admin\/layanan\/(pengaturan|templat)/, ['letter.handle', 'settings.manage']],
];

/** Routes open to every officer whatever the role (their account, drafts, notifications). */
const EVERY_OFFICER = [/^\/admin\/akun(\/notifikasi(\/uji)?)?$/, /^\/admin\/draf(\/|$)/, /^\/admin\/notifikasi\//];

export function actionsOf(path: string, method: 'GET' | 'POST' = 'POST'): Action[] | 'any-officer' {
  if (EVERY_OFFICER.some((re) => re.test(path))) return 'any-officer';
  const override = (method === 'POST' ? [...CONTENT_WRITES, ...ACTION_OVERRIDES] : ACTION_OVERRIDES).find(([re]) => re.test(path));
  if (override) return override[1];
  const covering = nav.filter((n) => n.href !== '/admin' && (path === n.href || path.startsWith(`${n.href}/`)));
  covering.sort((a, b) => b.href.length - a.href.length);
  return covering[0] ? [covering[0].action].flat() : [];
}

/** A record of a kind the matrix can create, in a region; `regions` limits where (letters: village services). */
interface RecordKind {
  prefix: RegExp;
  regions: readonly string[];
  make(region: string): Promise<string>;
  /** Public content: put in the state the route acts on (published to withdraw, in the trash to restore, else pending). */
  table?: string;
}

let serial = 0;
const at = Date.now() - 3_600_000;
const title = () => `Uji matriks akses ${++serial}`;

export const RECORD_KINDS: RecordKind[] = [
  {
    prefix: /^\/admin\/konten\/:id/,
    table: 'posts',
    regions: [DESA, KECAMATAN],
    make: async (r) => (await insertPost({ regionCode: r, title: title(), status: 'menunggu_tinjauan', purge: false })).id,
  },
  {
    prefix: /^\/admin\/dokumen\/:id/,
    table: 'documents',
    regions: [DESA, KECAMATAN],
    make: async (r) => {
      const id = await insertDocument({ regionCode: r, category: 'apbdes', year: 2026, title: title(), at });
      await env.DB.prepare("UPDATE documents SET status = 'menunggu_tinjauan' WHERE id = ?").bind(id).run();
      return id;
    },
  },
  {
    prefix: /^\/admin\/tempat\/:id/,
    table: 'places',
    regions: [DESA, KECAMATAN],
    make: async (r) => (await insertPlace({ regionCode: r, name: title(), lat: 0.5, lng: 117.5, purge: false })).id,
  },
  {
    prefix: /^\/admin\/pengaduan\/:id\{/,
    regions: [DESA, KECAMATAN],
    make: async (r) => (await insertComplaint({ regionCode: r, receivedAt: at, dueAt: at + 9e8 })).id,
  },
  {
    prefix: /^\/admin\/ppid\/permohonan\/:id/,
    regions: [DESA, KECAMATAN],
    make: async (r) => (await insertInfoRequest({ regionCode: r, registeredAt: at, dueAt: at + 9e8 })).id,
  },
  {
    prefix: /^\/admin\/layanan\/:id\{/,
    regions: [DESA],
    make: async () => {
      const { number } = await submitSku();
      const row = await env.DB.prepare('SELECT id FROM letter_requests WHERE tracking_number = ?').bind(number).first<{ id: string }>();
      return row!.id;
    },
  },
];

export function recordKindOf(path: string): RecordKind | undefined {
  return RECORD_KINDS.find((k) => k.prefix.test(path));
}

/** A record for this route in `region`, in the state the route acts on. */
export async function recordFor(kind: RecordKind, path: string, region: string): Promise<string> {
  const id = await kind.make(region);
  if (kind.table) {
    const status = path.endsWith('/tarik') ? 'terbit' : 'menunggu_tinjauan';
    const deletedAt = path.endsWith('/pulihkan') ? Date.now() : null;
    await env.DB.prepare(`UPDATE ${kind.table} SET status = ?, deleted_at = ? WHERE id = ?`).bind(status, deletedAt, id).run();
  }
  return id;
}

/** The path with its record id (or region code) and placeholders for the other parameters. */
export function fill(path: string, id: string | null, region: string): string {
  let first = true;
  return path.replace(/:([a-zA-Z]+)(\{(?:[^{}]|\{[^}]*\})*\})?/g, (_m, name: string, pattern?: string) => {
    if (name === 'code') return region;
    if (first && id !== null && name === 'id') {
      first = false;
      return id;
    }
    if (name === 'keputusan') return 'setujui';
    if (name === 'date') return '2026-12-25';
    if (name === 'n') return '1';
    if (pattern?.includes('[0-9A-Z]{26}')) return '01ZZZZZZZZZZZZZZZZZZZZZZZZ';
    if (pattern?.startsWith('{[a-z]')) return 'tidakada';
    return 'TIDAKADA';
  });
}

export type Expectation = 'allow' | 'deny' | 'hidden';

/** The expected answer for one membership, from the policy alone. `target` is null for routes without a record. */
export function expectation(m: Membership, actions: Action[] | 'any-officer', target: { code: string; stage: ManagementStage } | null): Expectation {
  if (actions === 'any-officer') return 'allow';
  if (!target) return actions.some((a) => candidateRoots([m], a).length > 0) ? 'allow' : 'deny';
  if (!isWithin(target.code, m.regionCode)) return 'hidden';
  return actions.some((a) => membershipAllows(m, a, target)) ? 'allow' : 'deny';
}

/** Judges one answer; returns null when it is the expected one, else why not. */
export function judge(status: number, exp: Expectation, placeholder: boolean): string | null {
  if (status >= 500) return `${status} (server error)`;
  if (exp === 'hidden') return status === 404 ? null : `${status}, expected 404`;
  // Refused: 403/404, or a refusal that comes before the right is checked (422 empty form, 409 wrong state) on a
  // record the officer can see anyway; never a success. (Callers also check that nothing was written.)
  if (exp === 'deny') return status >= 400 && status < 500 ? null : `${status}, expected a refusal (4xx)`;
  // Without a record, the route's own form names the region: an empty form may be refused in any way but a 500.
  if (placeholder) return null;
  if (status === 403 || status === 404) return `${status}, expected the action to be allowed`;
  return null;
}

/** Admin routes of the app with this method (read from the router, not a hand list). */
export function adminRoutes(method: 'GET' | 'POST'): string[] {
  return [
    ...new Set(
      createApp(FEATURES)
        .routes.filter((r) => r.method === method && r.path.startsWith('/admin'))
        .map((r) => r.path),
    ),
  ].sort();
}

export async function setStage(stage: ManagementStage): Promise<void> {
  await env.DB.prepare('UPDATE regions SET stage = ? WHERE code IN (?, ?)').bind(stage, DESA, KECAMATAN).run();
}

export async function auditCount(): Promise<number> {
  return (await env.DB.prepare('SELECT count(*) AS n FROM audit_log').first<{ n: number }>())!.n;
}

/** One logged-in officer per role and matrix region, keyed `role@region` (one after another: logins are throttled). */
export async function loginMatrix(): Promise<Map<string, Browser>> {
  const regions = [...new Set(Object.values(RELATIONS).flatMap((pairs) => pairs.map(([, m]) => m)))];
  const browsers = new Map<string, Browser>();
  for (const role of ROLES) for (const region of regions) browsers.set(`${role}@${region}`, await loginAs([[role, region]]));
  return browsers;
}
