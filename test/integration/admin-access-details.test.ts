/**
 * The access matrix over HTTP for admin detail pages (issue 12; rules in test/helpers/access-matrix.ts): every GET
 * admin route with a parameter × anonymous and each role × the membership's relation to the record's region (own,
 * parent, child, other), with the id of a real record in that region where the test can make one (posts, documents,
 * places, complaints, PPID requests, letters, region pages), under a stage taken in turn. A record in another region
 * answers 404, never 403 (its existence is not revealed). The plain list pages are in admin-access-matrix.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  adminRoutes,
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
import { get } from '../helpers/http';

/** Detail pages of a record the officer may see with a lesser right than the menu entry's (reading, not changing). */
const READ_ACTIONS: Array<[RegExp, Parameters<typeof expectation>[1]]> = [
  // A kecamatan operator and Diskominfo monitor every region under them (src/features/monitoring).
  [/^\/admin\/pemantauan\/wilayah\/:code$/, ['monitoring.read']],
];

const pages = adminRoutes('GET').filter((p) => p.includes('/:'));

describe('admin detail pages access matrix over HTTP', () => {
  it('finds the detail pages and knows the action of each', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(pages.filter((p) => recordKindOf(p) || p.includes(':code')).length).toBeGreaterThan(15);
    expect(pages.filter((p) => actionsOf(p, 'GET') !== 'any-officer' && actionsOf(p, 'GET').length === 0)).toEqual([]);
  });

  it('answers every detail page × anonymous and role × region relation as the policy says', { timeout: 240_000 }, async () => {
    const browsers = await loginMatrix();
    const mismatches: string[] = [];
    const records = new Map<string, string>();
    let requests = 0;
    for (const [i, path] of pages.entries()) {
      const stage = STAGES[i % STAGES.length]!;
      await setStage(stage);
      const kind = recordKindOf(path);
      const actions = READ_ACTIONS.find(([re]) => re.test(path))?.[1] ?? actionsOf(path, 'GET');
      const anon = await get(fill(path, 'TIDAKADA', '64.08.04.2012'));
      if (![302, 303].includes(anon.status) || !(anon.headers.get('Location') ?? '').startsWith('/masuk')) mismatches.push(`anonim ${path}: ${anon.status}`);
      const checks: Array<Promise<string | null>> = [];
      for (const role of ROLES) {
        for (const relation of Object.keys(RELATIONS) as Relation[]) {
          const pairs = RELATIONS[relation].filter(([record]) => !kind || kind.regions.includes(record));
          if (!pairs.length) continue;
          const [recordRegion, memberRegion] = pairs[i % pairs.length]!;
          let id: string | null = null;
          if (kind) {
            const key = `${path.split('/:')[0]}@${recordRegion}`;
            if (!records.has(key)) records.set(key, await recordFor(kind, path, recordRegion));
            id = records.get(key)!;
          }
          const target = kind || path.includes(':code') ? { code: recordRegion, stage } : null;
          const exp = expectation({ role, regionCode: memberRegion }, actions, target);
          const url = fill(path, id, recordRegion);
          checks.push(
            (async () => {
              const res = await browsers.get(`${role}@${memberRegion}`)!.get(url);
              await res.arrayBuffer();
              // Sub-resources of a record (a photo, an attachment, a version, the answer document) do not exist here:
              // a 404 is then also a right answer for an allowed officer.
              const placeholder = !kind || /:(aid|fileId|n)\b|\/dokumen$/.test(path);
              const why = judge(res.status, exp === 'allow' && placeholder ? 'allow' : exp, placeholder);
              return why && `${role}@${memberRegion} (${relation}) GET ${url} [${stage}]: ${why}`;
            })(),
          );
        }
      }
      for (const why of await Promise.all(checks)) if (why) mismatches.push(why);
      requests += checks.length + 1;
    }
    expect(requests).toBeGreaterThan(pages.length * 20);
    expect(mismatches).toEqual([]);
  });
});
