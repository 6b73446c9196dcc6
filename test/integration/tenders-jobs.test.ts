// The procurement job through scheduled(): statuses follow the schedule across midnight WITA (a date-only end
// closes at 23:59:59.999 WITA), a second run writes nothing, public pages follow; a package whose stage ended without
// the expected update is flagged to monitoring (deadline scan) and shows in the owner's "Perlu tindakan".
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { parseStageInstant } from '../../src/features/tenders/values';
import { loginAs } from '../helpers/auth';
import { get } from '../helpers/http';
import { allFlags, DAILY, HOURLY, runCron, wita } from '../helpers/monitoring';
import { insertTender, tenderContent, tenderRow } from '../helpers/tenders';

const VILLAGE = '64.08.04.2012';
const day = (d: string, edge: 'start' | 'end') => parseStageInstant(d, edge)!;

const statusAudits = async (id: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'tender.status.schedule'").bind(id).first<{ n: number }>())!.n;

describe('tender statuses follow the schedule', () => {
  it('moves pengumuman → berlangsung just after midnight WITA when registration closed; a second run writes nothing', async () => {
    const name = `Pengadaan bibit ${crypto.randomUUID().slice(0, 6)}`;
    const id = await insertTender(
      tenderContent({
        source: 'desa',
        regionCode: VILLAGE,
        locationCodes: [VILLAGE],
        name,
        schedule: [
          { stage: 'pengumuman', s: day('2026-04-01', 'start'), e: day('2026-04-10', 'end') },
          { stage: 'penawaran', s: day('2026-04-11', 'start'), e: day('2026-04-15', 'end') },
          { stage: 'penetapan', s: day('2026-04-16', 'start'), e: day('2026-04-17', 'end') },
        ],
      }),
      { now: wita('2026-04-02 10:00') },
    );
    expect((await tenderRow(id))?.status).toBe('pengumuman');

    await runCron(HOURLY, wita('2026-04-10 23:59'));
    expect((await tenderRow(id))?.status).toBe('pengumuman'); // still 10 April in WITA
    await runCron(DAILY, wita('2026-04-11 00:05'));
    const after = await tenderRow(id);
    expect(after?.status).toBe('berlangsung');
    expect(after?.updated_at).toBe(wita('2026-04-11 00:05'));
    expect(after?.update_due_at).toBe(day('2026-04-17', 'end'));
    expect(await statusAudits(id)).toBe(1);

    await runCron(DAILY, wita('2026-04-11 00:05'));
    expect(await tenderRow(id)).toEqual(after);
    expect(await statusAudits(id)).toBe(1);

    const page = await (await get('/sangatta-utara/swarga-bara/lelang?status=berlangsung')).text();
    expect(page).toContain(name);
  });

  it('flags a package whose stage ended with no update to monitoring and to its owner', { timeout: 60_000 }, async () => {
    const name = `Rehab jembatan ${crypto.randomUUID().slice(0, 6)}`;
    const id = await insertTender(
      tenderContent({
        source: 'desa',
        regionCode: VILLAGE,
        locationCodes: [VILLAGE],
        name,
        schedule: [
          { stage: 'pengumuman', s: day('2026-05-01', 'start'), e: day('2026-05-05', 'end') },
          { stage: 'penetapan', s: day('2026-05-08', 'start'), e: day('2026-05-09', 'end') },
        ],
      }),
      { now: wita('2026-05-02 10:00') },
    );
    expect((await tenderRow(id))?.update_due_at).toBe(day('2026-05-09', 'end'));
    await runCron(HOURLY, wita('2026-05-12 09:05'));
    const flags = (await allFlags()).filter((f) => f.href.includes(id) && f.resolved_at === null);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags[0]!.region_code).toBe(VILLAGE);

    // The village operator sees it under "Perlu tindakan" (its deadline is long past in real time too).
    const op = await loginAs([['operator_desa', VILLAGE]]);
    const home = await (await op.get('/admin')).text();
    expect(home).toContain('paket pengadaan perlu diperbarui');
    const list = await (await op.get('/admin/lelang?perlu=1')).text();
    expect(list).toContain(name);
    // Another village's operator does not.
    const other = await loginAs([['operator_desa', '64.08.04.2011']]);
    expect(await (await other.get('/admin/lelang?perlu=1')).text()).not.toContain(name);
  });
});
