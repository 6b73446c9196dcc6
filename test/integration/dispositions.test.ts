import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loginAs, type Browser } from '../helpers/auth';
import { complaintRow, fileComplaint } from '../helpers/complaints';

/** Dispositions that make sense: nearest targets first, a confirmation after sending a report away, no duplicates. */
const idOf = async (ticket: string) => String((await complaintRow(ticket))!.id);
const version = async (ticket: string) => String((await complaintRow(ticket))!.version);
const act = async (b: Browser, ticket: string, form: Record<string, string>) =>
  b.post(`/admin/pengaduan/${await idOf(ticket)}/tindakan`, { version: await version(ticket), ...form });

describe('dispositions', () => {
  it('lists targets nearest first, and refuses the same disposition twice (one timeline entry)', { timeout: 60_000 }, async () => {
    const { ticket } = await fileComplaint();
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    expect((await act(handler, ticket, { action: 'verifikasi', note: '' })).status).toBe(303);
    const page = await (await handler.get(`/admin/pengaduan/${await idOf(ticket)}`)).text();
    const select = /<select id="disposisi-target_region"[\s\S]*?<\/select>/.exec(page)![0];
    const codes = [...select.matchAll(/value="([0-9.]+)"/g)].map((m) => m[1]!);
    // The report is in Desa Swarga Bara (64.08.04.2012): that village first, then its kecamatan, then the regency / siblings.
    expect(codes[0]).toBe('64.08.04.2012');
    expect(codes[1]).toBe('64.08.04');
    expect(codes.indexOf('64.08')).toBeGreaterThan(1);

    const form = { action: 'disposisi', target_region: '64.08.04.2012', unit: 'Kasi Pembangunan', instruction: 'Periksa minggu ini' };
    expect((await act(handler, ticket, form)).status).toBe(303);
    const again = await act(handler, ticket, form);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('sudah didisposisikan ke Kasi Pembangunan');
    const events = await env.DB.prepare("SELECT COUNT(*) AS n FROM complaint_events WHERE complaint_id = ? AND to_status = 'didisposisikan'")
      .bind(await idOf(ticket))
      .first<{ n: number }>();
    expect(events?.n).toBe(1);
    // A different unit is a real new disposition.
    expect((await act(handler, ticket, { ...form, unit: 'Kasi Kesejahteraan' })).status).toBe(303);
  });

  it('after sending a report outside the handler’s area, a confirmation says where it went and who handles it now', { timeout: 60_000 }, async () => {
    const { ticket } = await fileComplaint();
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    expect((await act(handler, ticket, { action: 'verifikasi', note: '' })).status).toBe(303);
    const res = await act(handler, ticket, { action: 'disposisi', target_region: '64.08', unit: 'Dinas PUPR', instruction: 'Jalan kabupaten' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`Laporan ${ticket} sudah dikirim ke Kabupaten Kutai Timur`);
    expect(html).toContain('Dinas PUPR');
    expect(html).not.toContain('Data tidak ditemukan');
    // It really left this handler's area (its detail is now 404 for them).
    expect((await handler.get(`/admin/pengaduan/${await idOf(ticket)}`)).status).toBe(404);
    expect((await complaintRow(ticket))!.region_code).toBe('64.08');
  });
});
