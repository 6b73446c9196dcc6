// A scan's flag writes per run are bounded (a first scan of a large backlog would pass the 1,000 queries a Worker
// invocation may make): what is left is written by the next runs, each flag exactly once.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { runBatched } from '../../src/features/monitoring/batch';
import { planFlagSync, type DesiredFlag } from '../../src/features/monitoring/flags';
import { allFlags } from '../helpers/monitoring';

const SWARGA = '64.08.04.2012';

function wanted(n: number, state = 'lewat'): DesiredFlag[] {
  return Array.from({ length: n }, (_, i) => ({
    regionCode: SWARGA,
    key: `pengaduan:${i}`,
    state,
    audienceCode: '64.08.04',
    source: 'pengaduan',
    title: `Pengaduan ADU-${i}: verifikasi`,
    reference: `ADU-${i}`,
    href: `/admin/pengaduan/${i}`,
    subjectAt: 1_770_000_000_000,
  }));
}

async function sync(desired: DesiredFlag[], now: number, maxWrites: number) {
  const db = createDb(env.DB);
  const plan = await planFlagSync(db, 'tenggat', desired, now, maxWrites);
  await runBatched(db, plan.statements);
  return plan;
}

describe('flag writes per scan run', () => {
  it('opens a backlog over several runs, each flag once, then writes nothing', async () => {
    const desired = wanted(5);
    const first = await sync(desired, 1_000, 2);
    expect([first.statements.length, first.opened.length, first.deferred]).toEqual([2, 2, 3]);
    const second = await sync(desired, 2_000, 2);
    expect([second.opened.length, second.deferred]).toEqual([2, 1]);
    const third = await sync(desired, 3_000, 2);
    expect([third.opened.length, third.deferred]).toEqual([1, 0]);
    const fourth = await sync(desired, 4_000, 2);
    expect([fourth.statements.length, fourth.unchanged, fourth.deferred]).toEqual([0, 5, 0]);

    const flags = (await allFlags('tenggat')).filter((f) => f.region_code === SWARGA);
    expect(flags.map((f) => f.flag_key).sort()).toEqual(desired.map((d) => d.key).sort());
    // Every flag was opened by exactly one run (no id twice, each opened notice once).
    expect(new Set([...first.opened, ...second.opened, ...third.opened].map((f) => f.key)).size).toBe(5);
  });

  it('defers changes and resolutions past the budget too, and finishes them later', async () => {
    const escalated = wanted(5, 'lewat_lama').slice(0, 3); // two no longer wanted, three changed
    const first = await sync(escalated, 5_000, 2);
    expect([first.statements.length, first.deferred]).toEqual([2, 3]);
    await sync(escalated, 6_000, 2);
    const last = await sync(escalated, 7_000, 2);
    expect(last.deferred).toBe(0);
    const open = (await allFlags('tenggat')).filter((f) => f.region_code === SWARGA && f.resolved_at === null);
    expect(open.map((f) => [f.flag_key, f.state]).sort()).toEqual(escalated.map((d) => [d.key, 'lewat_lama']).sort());
  });
});
