// Change feeds page by a monotonic change sequence, not by time: a change committed late (its clock read before a change
// the partner already saw) is still delivered, each change once, while writes interleave with the paging.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { submitComplaint } from '../../src/features/complaints/service';
import { ComplaintInput } from '../../src/features/complaints/schemas';
import { get } from '../helpers/http';
import { complaintRow, testDeps } from '../helpers/complaints';
import { insertTender, partnerToken, tenderContent } from '../helpers/tenders';

interface Page {
  data: Array<{ ticket?: string; id?: string; updated_at: string }>;
  next_cursor: string | null;
  sync_cursor: string;
}

async function fileAt(title: string, now: number): Promise<string> {
  const input = ComplaintInput.parse({
    classification: 'pengaduan',
    category: 'infrastruktur',
    title,
    description: 'Laporan untuk menguji umpan perubahan berurutan.',
    region_code: '64.08.04.2012',
    name: 'Pelapor Umpan',
    phone: '081211112222',
  });
  return (await submitComplaint(testDeps(), input, [], { now })).ticket;
}

/**
 * A connector's loop: follow next_cursor, and when it is null poll again with sync_cursor, until a poll is empty.
 * `between` runs after every page (writes interleaved with the paging). Returns the ids in order and the sync cursor.
 */
async function drain(path: string, auth: Record<string, string>, first: string, cursor: string | null, between?: () => Promise<void>) {
  const seen: string[] = [];
  let url = cursor ? `${path}cursor=${cursor}` : first;
  for (;;) {
    const res = await get(url, auth);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    seen.push(...page.data.map((d) => (d.ticket ?? d.id)!));
    if (between) await between();
    if (page.next_cursor) expect(page.sync_cursor).toBe(page.next_cursor);
    else if (page.data.length === 0) return { seen, sync: page.sync_cursor };
    url = `${path}cursor=${page.next_cursor ?? page.sync_cursor}`;
  }
}

describe('complaints change feed (partner)', () => {
  it('delivers a late commit a time cursor would skip, each change once, with writes between pages', async () => {
    const reader = { Authorization: `Bearer ${await partnerToken(['complaints:read'])}` };
    const t0 = Date.now();
    const a = await fileAt('Umpan A', t0 + 10_000);
    const b = await fileAt('Umpan B', t0 + 20_000);
    const since = new Date(t0).toISOString();
    const first = await drain('/api/v1/complaints?limit=1&', reader, `/api/v1/complaints?since=${since}&limit=1`, null);
    expect(first.seen).toEqual([a, b]);

    // Committed now, but its clock was read before B's change: updated_at is older than what the partner last saw.
    const late = await fileAt('Umpan terlambat', t0 + 15_000);
    expect((await complaintRow(late))!.updated_at).toBeLessThan((await complaintRow(b))!.updated_at as number);
    // The old time cursor (updated_at > last seen) would never return it:
    const byTime = (await (await get(`/api/v1/complaints?since=${new Date(t0 + 20_001).toISOString()}`, reader)).json()) as Page;
    expect(byTime.data.map((d) => d.ticket)).not.toContain(late);

    // Writes interleaved with paging: C is filed and A changes between pages.
    let step = 0;
    const c: string[] = [];
    const again = await drain('/api/v1/complaints?limit=1&', reader, '', first.sync, async () => {
      step += 1;
      if (step === 1) c.push(await fileAt('Umpan C', t0 + 12_000));
      if (step === 2)
        await env.DB.prepare("UPDATE complaints SET unit = 'Dinas PUPR', updated_at = ? WHERE ticket = ?")
          .bind(t0 + 30_000, a)
          .run();
    });
    expect(again.seen).toEqual([late, c[0], a]);

    // Caught up: polling with the sync cursor returns nothing, and nothing is repeated.
    const idle = (await (await get(`/api/v1/complaints?cursor=${again.sync}`, reader)).json()) as Page;
    expect(idle.data).toEqual([]);
    expect(idle.sync_cursor).toBe(again.sync);
  }, 60_000);

  it('refuses cursors it did not issue, including the old time-based ones', async () => {
    const reader = { Authorization: `Bearer ${await partnerToken(['complaints:read'])}` };
    const legacy = btoa(JSON.stringify({ u: Date.now(), id: 'x' })).replace(/=+$/, '');
    for (const cursor of [legacy, 'rusak', btoa(JSON.stringify({ s: -1 }))]) {
      expect((await get(`/api/v1/complaints?cursor=${encodeURIComponent(cursor)}`, reader)).status).toBe(400);
    }
  }, 30_000);
});

describe('tenders feed (public)', () => {
  it('pages by change sequence: a late commit after a caught-up poll is delivered once', async () => {
    const t0 = Date.now();
    const one = await insertTender(tenderContent({ name: 'Paket umpan satu' }), { now: t0 + 10_000 });
    const start = `/api/v1/tenders?since=${new Date(t0).toISOString()}&limit=1`;
    const first = await drain('/api/v1/tenders?limit=1&', {}, start, null);
    expect(first.seen).toEqual([one]);
    const late = await insertTender(tenderContent({ name: 'Paket umpan terlambat' }), { now: t0 + 5_000 });
    const again = await drain('/api/v1/tenders?limit=1&', {}, '', first.sync);
    expect(again.seen).toEqual([late]);
  }, 60_000);
});
