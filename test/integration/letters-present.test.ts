import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { letterRequests } from '../../src/db/schema';
import { applyLetterAction } from '../../src/features/letters/actions';
import { officerExport } from '../../src/features/letters/officer';
import { closedLetterStats, letterFigures, openLetterDeadlines, recomputeLetterDeadlines } from '../../src/features/letters/deadlines';
import { csvRow, logView, officerIdentity, officerListItem, publicStatus, requesterView } from '../../src/features/letters/present';
import { attachmentsOf, eventsOf, findRequestById, templateVersion } from '../../src/features/letters/repo';
import { submitRequest } from '../../src/features/letters/submit';
import { readRequirementUploads } from '../../src/features/letters/uploads';
import { addWorkingDays, EMPTY_HOLIDAY_CALENDAR, holidayCalendar } from '../../src/lib/working-days';
import { jpegBytes } from '../helpers/complaints';
import { letterDeps, OFFICER, skuInput } from '../helpers/letters';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 2, 2); // Monday 2 November 2026, 10:00 WITA

async function request(regionCode: string, nik: string) {
  const deps = letterDeps();
  const sku = await templateVersion(deps.db, 'sk-usaha', 1);
  const uploads = await readRequirementUploads(
    new Map([
      ['ktp', new File([jpegBytes(40, 30)], 'a.jpg')],
      ['kk', new File([jpegBytes(40, 30)], 'b.jpg')],
    ]),
    sku!.requirements,
    (b) => b,
  );
  const region = { code: regionCode, level: 'desa' as const, name: 'Uji' };
  return (
    await submitRequest(deps, region, skuInput({ region_code: regionCode, nik, name: 'Budi Sutejo', phone: '081298765432' }), uploads, {
      now: NOW,
      channel: 'portal',
    })
  ).request;
}

describe('presenters mask in every output but the letter and the revealed processing screen', () => {
  it('public status, requester view, officer list, CSV and logs never carry the NIK, KK or phone', async () => {
    const deps = letterDeps();
    const row = await request('64.08.04.2012', '6408041203907771');
    const events = await eventsOf(deps.db, row.id);
    const pub = publicStatus(row, 'Surat Keterangan Usaha', events);
    expect(JSON.stringify(pub)).not.toMatch(/Budi|6408041203907771|6408041505180003|081298765432/);
    const req = await requesterView(deps.dataKeys, row, 'Surat Keterangan Usaha', events, await attachmentsOf(deps.db, row.id));
    expect(req).toMatchObject({ name: 'Budi Sutejo', nikMasked: '************7771', kkMasked: '************0003' });
    expect(JSON.stringify(req)).not.toMatch(/640804120390|640804150518|0812987/);
    const item = await officerListItem(deps.dataKeys, row, NOW, EMPTY_HOLIDAY_CALENDAR);
    expect(item.nikMasked).toBe('************7771');
    const csv = csvRow(item, (ms) => new Date(ms).toISOString()).join(',');
    expect(csv).toContain('************7771');
    expect(csv).not.toMatch(/640804120390|0812987/);
    expect(JSON.stringify(logView(row))).not.toMatch(/Budi|640804|0812/);
    const masked = await officerIdentity(deps.dataKeys, row, false);
    expect(masked).toEqual({ revealed: false, nik: '************7771', kk: '************0003', phone: '*********432' });
    const revealed = await officerIdentity(deps.dataKeys, row, true);
    expect(revealed).toEqual({ revealed: true, nik: '6408041203907771', kk: '6408041505180003', phone: '081298765432' });
  });

  it('shows the requester what the officer asked to fix, and offers the fix and cancel actions', async () => {
    const deps = letterDeps();
    const row = await request('64.08.04.2012', '6408041203907772');
    const asked = (await applyLetterAction(deps, row, { type: 'minta_perbaikan', note: 'Foto KK terpotong, unggah ulang.' }, 'petugas', OFFICER, NOW + 1000))
      .row;
    const view = await requesterView(deps.dataKeys, asked, 'SKU', await eventsOf(deps.db, row.id), []);
    expect(view.noteFromOfficer).toBe('Foto KK terpotong, unggah ulang.');
    expect(view.actions).toEqual(['perbaiki', 'batalkan']);
    expect(view.statusLabel).toBe('Perlu perbaikan');
  });
});

describe('deadlines and figures', () => {
  it('lists overdue requests the office holds (not those waiting on the requester) and counts on-time finishes', async () => {
    const deps = letterDeps();
    const region = '64.08.02.2003';
    const late = await request(region, '6408041203907773');
    const waiting = await request(region, '6408041203907774');
    await applyLetterAction(deps, waiting, { type: 'minta_perbaikan', note: 'Lengkapi foto KTP.' }, 'petugas', OFFICER, NOW + 1000);
    const open = await openLetterDeadlines(deps.db, { horizon: NOW + 30 * DAY, regionCodes: [region] });
    expect(open.map((o) => o.reference)).toEqual([late.trackingNumber]);
    expect(open[0]).toMatchObject({ source: 'layanan', kind: 'Periksa permohonan surat', adminHref: `/admin/layanan/${late.id}` });
    expect(JSON.stringify(open)).not.toMatch(/Budi|640804/);

    // Finished late (service time 2 working days, finished 10 days later) → not on time.
    let row = late;
    for (const a of [{ type: 'periksa' }, { type: 'proses' }, { type: 'beri_nomor' }, { type: 'tandatangani', method: 'basah' }] as const) {
      row = (await applyLetterAction(deps, row, a, 'petugas', OFFICER, NOW + 10 * DAY)).row;
    }
    expect(row.onTime).toBe(false);
    const stats = await closedLetterStats(deps.db, { since: NOW, now: NOW + 11 * DAY });
    expect(stats.find((s) => s.regionCode === region)).toEqual({ regionCode: region, closed: 1, onTime: 0 });
    const figures = await letterFigures(deps.db, '64.08.02', NOW + 11 * DAY);
    expect(figures).toMatchObject({ received: 2, finished: 1, inProgress: 1, onTimePercent: 0, overdue: 0 });
  });

  it('moves running service times when the holiday calendar changes, counted from where each clock started', async () => {
    const deps = letterDeps();
    const region = '64.08.02.2003';
    const row = await request(region, '6408041203907775'); // SKU: 2 working days from Monday 2 November 2026
    expect(row.dueAt).toBe(addWorkingDays(NOW, 2, EMPTY_HOLIDAY_CALENDAR));
    const cal = holidayCalendar(['2026-11-03']); // a new holiday on Tuesday
    const moved = await recomputeLetterDeadlines(deps.db, cal);
    expect(moved).toBeGreaterThanOrEqual(1);
    const after = (await findRequestById(deps.db, row.id))!;
    expect(after.dueAt).toBe(addWorkingDays(NOW, 2, cal));
    expect(after.dueAt).toBeGreaterThan(row.dueAt!);
    expect(await recomputeLetterDeadlines(deps.db, cal)).toBe(0); // nothing left to move
  });
});

describe('the CSV export', () => {
  it('reads every request in the officer’s regions page by page: none missing, none twice, none from elsewhere', { timeout: 60_000 }, async () => {
    const deps = letterDeps();
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) mine.push((await request('64.08.04.2012', `640804120390${String(7000 + i)}`)).id);
    const elsewhere = (await request('64.08.05.2001', '6408051203907001')).id;
    const pages: string[][] = [];
    const operator = [{ role: 'operator_desa' as const, regionCode: '64.08.04.2012' }];
    for await (const page of officerExport(deps, operator, { status: 'semua' }, NOW, EMPTY_HOLIDAY_CALENDAR, 2)) pages.push(page.map((i) => i.id));
    const ids = pages.flat();
    expect(pages.length).toBeGreaterThanOrEqual(3); // more rows than one page: the export went on
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of mine) expect(ids).toContain(id);
    expect(ids).not.toContain(elsewhere);
    const all = await deps.db.select({ id: letterRequests.id }).from(letterRequests).where(eq(letterRequests.regionCode, '64.08.04.2012')).all();
    expect(ids.sort()).toEqual(all.map((r) => r.id).sort());
  });
});
