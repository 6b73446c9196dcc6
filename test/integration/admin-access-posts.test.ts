/**
 * The access matrix over HTTP for every admin POST route (issue 12; rules in test/helpers/access-matrix.ts): each
 * route the router has × anonymous and each role × the membership's relation to the record's region (own, parent,
 * child, other) under a region stage, with the CSRF token present, so the answer is the guard's, not the CSRF
 * check's. Stages are sampled (each route under one stage, in turn; the publishing and review routes under all three)
 * so the file stays within about a minute; every route is covered. A refused request writes nothing (the audit log,
 * written in the same batch as every admin change, does not grow).
 */
import { describe, expect, it } from 'vitest';
import type { ManagementStage } from '../../src/db/schema';
import {
  actionsOf,
  adminRoutes,
  auditCount,
  expectation,
  fill,
  judge,
  loginMatrix,
  recordFor,
  recordKindOf,
  RELATIONS,
  type Relation,
  ROLES,
  setStage,
  STAGES,
} from '../helpers/access-matrix';
import { formBody } from '../helpers/auth';
import { ORIGIN } from '../helpers/http';
import { SELF } from '../helpers/worker';

const routes = adminRoutes('POST');
const STAGE_SENSITIVE = /\/(terbitkan|tarik|setujui|tolak)$/;

function anonymousPost(path: string): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
    body: formBody({ _csrf: 'token-tanpa-sesi' }),
  });
}

describe('admin POST access matrix over HTTP', () => {
  it('finds the POST routes and knows the action of each', () => {
    expect(routes.length).toBeGreaterThan(60);
    const unowned = routes.filter((p) => {
      const a = actionsOf(p);
      return a !== 'any-officer' && a.length === 0;
    });
    expect(unowned, 'POST routes with no action: give them a menu entry or an override in test/helpers/access-matrix.ts').toEqual([]);
  });

  it('answers every POST route × anonymous and role × region relation × stage as the policy says', { timeout: 300_000 }, async () => {
    const browsers = await loginMatrix();

    const plan = new Map<ManagementStage, string[]>(STAGES.map((s) => [s, []]));
    routes.forEach((path, i) => {
      for (const [k, stage] of STAGES.entries()) if (STAGE_SENSITIVE.test(path) || i % STAGES.length === k) plan.get(stage)!.push(path);
    });

    const mismatches: string[] = [];
    const shared = new Map<string, string>();
    let requests = 0;
    for (const [stage, paths] of plan) {
      await setStage(stage);
      for (const [i, path] of paths.entries()) {
        const kind = recordKindOf(path);
        const actions = actionsOf(path);
        const before = await auditCount();
        const anon = await anonymousPost(fill(path, 'TIDAKADA', '64.08.04.2012'));
        requests++;
        const toLogin = [302, 303].includes(anon.status) && (anon.headers.get('Location') ?? '').startsWith('/masuk');
        if (!toLogin && anon.status !== 401) mismatches.push(`anonim POST ${path}: ${anon.status}`);

        const refused: Array<Promise<string | null>> = [];
        const allowed: Array<() => Promise<string | null>> = [];
        for (const role of ROLES) {
          for (const relation of Object.keys(RELATIONS) as Relation[]) {
            const pairs = RELATIONS[relation].filter(([record]) => !kind || kind.regions.includes(record));
            if (!pairs.length) continue; // e.g. letters exist in villages only: no record region has a child
            const [recordRegion, memberRegion] = pairs[i % pairs.length]!;
            const b = browsers.get(`${role}@${memberRegion}`)!;
            const target = kind || path.includes(':code') ? { code: recordRegion, stage } : null;
            const exp = expectation({ role, regionCode: memberRegion }, actions, target);
            const label = `${role}@${memberRegion} (${relation}) POST ${path} [${stage}]`;
            const run = async (id: string | null) => {
              const res = await b.post(fill(path, id, recordRegion), {});
              await res.arrayBuffer();
              const why = judge(res.status, exp, !kind);
              return why && `${label}: ${why}`;
            };
            if (exp === 'allow') {
              allowed.push(async () => run(kind ? await recordFor(kind, path, recordRegion) : null));
            } else {
              const key = `${path}@${recordRegion}`;
              if (kind && !shared.has(key)) shared.set(key, await recordFor(kind, path, recordRegion));
              refused.push(run(kind ? shared.get(key)! : null));
            }
          }
        }
        for (const why of await Promise.all(refused)) if (why) mismatches.push(why);
        requests += refused.length;
        const after = await auditCount();
        if (after !== before) mismatches.push(`POST ${path} [${stage}]: refused requests wrote ${after - before} audit entries`);
        for (const why of await Promise.all(allowed.map((f) => f()))) if (why) mismatches.push(why);
        requests += allowed.length;
      }
    }
    expect(requests).toBeGreaterThan(routes.length * 20);
    expect(mismatches).toEqual([]);
  });
});
