import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { posts, regions, type ManagementStage, type PostStatus, type RegionLevel } from '../../db/schema';
import type { ActionContext, Actor } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { purgeRegionPages } from '../../cache/purge';
import { AppError } from '../../lib/errors';
import type { FormValues } from '../../lib/forms';
import { IDEMPOTENCY_KEY_RE, requestHash, submitOnce } from '../../lib/idempotency';
import { newId } from '../../lib/ids';
import { parseOrThrow } from '../../lib/validation';
import { publishRights } from '../../publishing/rights';
import { AUDIT_SUFFIX, AUDIT_VERBS, FORM_ACTIONS, planTransitions, type PublishAction, type PublishRights } from '../../publishing/workflow';
import { isRegionCode } from '../../regions/codes';
import { touchContentUpdate } from '../../regions/freshness';
import { slugsLike } from './admin-repo';
import { listManagedRegions } from '../../admin/regions-repo';
import type { RegionOption } from '../../admin/components';
import { postPurgeScope } from './nearby-posts';
import type { PostFormData } from './schemas';
import { fieldsOf, type ContentDeps } from './service';
import { slugify, uniqueSlug } from './slug';
import { publicationTime } from './workflow';

/**
 * One announcement, many regions (issue 15): Diskominfo, or a kecamatan operator for the villages of its kecamatan,
 * publishes one `pengumuman` to several regions at once. Each region gets its own copy (its own page, slug and review
 * flow); the copies share a group id (`posts.fan_out_group`, also in every copy's audit entries and the form token's
 * idempotency ref), so one edit, delete or restore later applies to all of them (./fan-out-group.ts).
 * Each copy follows its region's stage: "publish" publishes only where the officer may publish, and is a submission
 * for review everywhere else — review is never skipped. All copies, their audit entries and the idempotency row are
 * one `db.batch`; a target outside the officer's reach refuses the whole request and nothing is stored.
 */

const MAX_TARGETS = 80; // D1 binds at most 100 parameters per statement (the region lookup binds one per code)
const FANOUT_SCOPE = 'content-fanout';

const codeList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
  z.array(z.string().refine(isRegionCode, 'Kode wilayah tujuan tidak valid.')).max(MAX_TARGETS, `Pilih paling banyak ${MAX_TARGETS} wilayah sekaligus.`),
);

/** The fan-out part of the new-post form: a kecamatan (all its villages) and/or a checked list of regions. */
export const FanOutForm = z.object({
  fanout_kecamatan: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => isRegionCode(v) && v.split('.').length === 3, 'Pilih kecamatan yang valid.')
      .optional(),
  ),
  fanout_regions: codeList,
  token: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(IDEMPOTENCY_KEY_RE, 'Formulir kedaluwarsa. Muat ulang halaman lalu kirim lagi.').optional(),
  ),
});
export type FanOutInput = z.output<typeof FanOutForm>;

export function fanOutOf(values: FormValues): FanOutInput {
  return parseOrThrow(FanOutForm, values);
}

/** A fresh idempotency token for one render of the new-post form. */
export const newFormToken = () => crypto.randomUUID().replaceAll('-', '');

export const wantsFanOut = (f: FanOutInput) => Boolean(f.fanout_kecamatan) || f.fanout_regions.length > 0;

interface TargetRegion {
  code: string;
  name: string;
  level: RegionLevel;
  stage: ManagementStage;
  parentCode: string | null;
}

/**
 * The rights an officer has on a fan-out target. A kecamatan operator may prepare an announcement for the villages of
 * its kecamatan (issue 15); publishing there still follows the access policy (it reviews in `pendampingan` only).
 */
export function fanOutRights(actor: Actor, target: Pick<TargetRegion, 'code' | 'level' | 'stage'>): PublishRights {
  const rights = publishRights(actor, target);
  const kecamatan = target.code.split('.').slice(0, 3).join('.');
  const ownVillage =
    actor.kind === 'user' &&
    (target.level === 'desa' || target.level === 'kelurahan') &&
    actor.memberships.some((m) => m.role === 'operator_kecamatan' && m.regionCode === kecamatan);
  return { ...rights, draft: rights.draft || ownVillage };
}

const VILLAGE_LEVELS = ['desa', 'kelurahan'] as const;

async function loadTargets(db: Db, post: PostFormData, f: FanOutInput): Promise<TargetRegion[]> {
  const cols = { code: regions.code, name: regions.name, level: regions.level, stage: regions.stage, parentCode: regions.parentCode };
  const codes = [...new Set([...(post.region_code ? [post.region_code] : []), ...f.fanout_regions])];
  const listed = codes.length ? await db.select(cols).from(regions).where(inArray(regions.code, codes)).all() : [];
  const missing = codes.filter((c) => !listed.some((r) => r.code === c));
  if (missing.length) throw refusal(`Wilayah ${missing.join(', ')} tidak ditemukan atau di luar jangkauan Anda.`);
  const villages = f.fanout_kecamatan
    ? await db
        .select(cols)
        .from(regions)
        .where(and(eq(regions.parentCode, f.fanout_kecamatan), inArray(regions.level, VILLAGE_LEVELS)))
        .all()
    : [];
  if (f.fanout_kecamatan && villages.length === 0) throw refusal('Kecamatan tidak ditemukan atau di luar jangkauan Anda.', 'fanout_kecamatan');
  const all = [...listed, ...villages.filter((v) => !listed.some((r) => r.code === v.code))];
  if (all.length > MAX_TARGETS) throw refusal(`Pilih paling banyak ${MAX_TARGETS} wilayah sekaligus.`);
  return all;
}

function refusal(message: string, field = 'fanout_regions'): AppError {
  return new AppError('validation', message, { fieldErrors: [{ field, message }] });
}

/** The actions of one copy: "terbitkan" publishes where allowed and submits for review elsewhere. */
function copyActions(aksi: PostFormData['aksi'], rights: PublishRights): readonly PublishAction[] {
  if (aksi === 'terbitkan') return rights.publish ? FORM_ACTIONS.terbitkan : FORM_ACTIONS.kirim;
  return FORM_ACTIONS[aksi];
}

export interface FanOutResult {
  group: string;
  created: boolean;
  copies: Array<{ id: string; regionCode: string; status: PostStatus }>;
}

/** Creates one copy of the announcement in every target region (see the module comment). */
export async function createFanOut(deps: ContentDeps, post: PostFormData, f: FanOutInput, ctx: ActionContext): Promise<FanOutResult> {
  const { db } = deps;
  if (post.kind !== 'pengumuman') throw refusal('Hanya pengumuman yang dapat diterbitkan di beberapa wilayah sekaligus.', 'kind');
  if (!f.token) throw refusal('Formulir kedaluwarsa. Muat ulang halaman lalu kirim lagi.', '_');
  const targets = await loadTargets(db, post, f);
  const planned = targets.map((region) => {
    const rights = fanOutRights(ctx.actor, region);
    if (!rights.draft) throw refusal(`Wilayah ${region.name} (${region.code}) di luar jangkauan Anda.`);
    const actions = copyActions(post.aksi, rights);
    const t = planTransitions('draft', actions, rights, 'tulisan');
    if (!t.ok) throw new AppError(t.reason === 'state' ? 'conflict' : 'forbidden', `${region.name}: ${t.message}`);
    return { region, actions, status: t.to };
  });
  const hash = await requestHash({ actor: ctx.actor.id, post, targets: planned.map((p) => p.region.code).sort() });
  const fields = fieldsOf(post);
  const out = await submitOnce({
    db,
    scope: FANOUT_SCOPE,
    key: f.token,
    hash,
    now: ctx.now,
    build: async () => {
      const group = newId(ctx.now);
      const statements: BatchItem<'sqlite'>[] = [];
      const copies: FanOutResult['copies'] = [];
      for (const p of planned) {
        const id = newId(ctx.now);
        const slug = uniqueSlug(post.title, await slugsLike(db, p.region.code, slugify(post.title) || 'tulisan'));
        const publishedAt = p.status === 'terbit' ? publicationTime(post.publish_at, ctx.now) : (post.publish_at ?? null);
        statements.push(
          db.insert(posts).values({
            id,
            regionCode: p.region.code,
            slug,
            ...fields,
            status: p.status,
            fanOutGroup: group,
            authorId: ctx.actor.id,
            publishedAt,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          }),
          auditInsert(db, ctx, {
            action: 'content.create',
            regionCode: p.region.code,
            entityType: 'post',
            entityId: id,
            summary: `Menulis pengumuman “${post.title}” untuk ${planned.length} wilayah sekaligus`,
            after: { status: 'draft', kind: post.kind, slug, group },
          }),
          ...p.actions.map((a) =>
            auditInsert(db, ctx, {
              action: `content.${AUDIT_SUFFIX[a]}`,
              regionCode: p.region.code,
              entityType: 'post',
              entityId: id,
              summary: `${AUDIT_VERBS[a]} “${post.title}”`,
              before: { status: 'draft' },
              after: { status: p.status, publishedAt, group },
            }),
          ),
        );
        if (p.status === 'terbit' && publishedAt !== null && publishedAt <= ctx.now) statements.push(touchContentUpdate(db, p.region.code, ctx.now));
        copies.push({ id, regionCode: p.region.code, status: p.status });
      }
      return { ref: group, statements, result: copies };
    },
  });
  if (!out.created) return { group: out.ref, created: false, copies: await copiesOf(db, out.ref) };
  for (const c of out.result) {
    if (c.status === 'terbit') await purgeRegionPages({ db, env: deps.env }, c.regionCode, ctx.requestId, postPurgeScope('pengumuman'));
  }
  return { group: out.ref, created: true, copies: out.result };
}

/** The regions an officer may pick as fan-out targets (within its content roots), villages grouped by kecamatan. */
export async function fanOutChoices(db: Db, actor: Actor, roots: string[]): Promise<{ kecamatans: RegionOption[]; regions: RegionOption[] }> {
  if (roots.length === 0) return { kecamatans: [], regions: [] };
  const { rows } = await listManagedRegions(db, { roots, limit: 500 });
  const reachable = rows.filter((r) => fanOutRights(actor, r).draft);
  const villages = reachable.filter((r) => r.level === 'desa' || r.level === 'kelurahan');
  const kecamatans = rows.filter((r) => r.level === 'kecamatan' && villages.some((v) => v.code.startsWith(`${r.code}.`)));
  return { kecamatans, regions: reachable };
}

/** The copies of a group (a replayed submission answers with the first result). */
async function copiesOf(db: Db, group: string): Promise<FanOutResult['copies']> {
  return db
    .select({ id: posts.id, regionCode: posts.regionCode, status: posts.status })
    .from(posts)
    .where(and(eq(posts.fanOutGroup, group), isNull(posts.deletedAt)))
    .all();
}
