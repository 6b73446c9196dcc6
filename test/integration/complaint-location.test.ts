import { describe, expect, it } from 'vitest';
import { publicLocation } from '../../src/features/complaints/location';
import { type Browser, loginAs } from '../helpers/auth';
import { complaintRow, fileComplaint } from '../helpers/complaints';
import { get } from '../helpers/http';

const EXACT = { lat: '0.512345', lng: '117.523456' };

async function verify(b: Browser, ticket: string) {
  const row = (await complaintRow(ticket))!;
  const res = await b.post(`/admin/pengaduan/${row.id}/tindakan`, { action: 'verifikasi', version: String(row.version) });
  expect(res.status).toBe(303);
}

async function apiPoint(ticket: string) {
  const body = (await (await get(`/api/v1/complaints/${ticket}`)).json()) as { content: { lat: number | null; lng: number | null } | null };
  return body.content;
}

async function mapPoints() {
  const res = await get('/api/v1/geo/layers/pengaduan?region=64.08.04');
  expect(res.status).toBe(200);
  const fc = (await res.json()) as { features: { properties: { id?: string; title?: string }; geometry: { coordinates: [number, number] } }[] };
  return fc.features;
}

describe('public location of complaints', () => {
  it('the public API and map show a rounded point unless the reporter agreed; never exact for anonymous; officers see it exact', async () => {
    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    const plain = await fileComplaint({ ...EXACT, title: 'Lampu jalan padam di RT 02' });
    const anon = await fileComplaint({ ...EXACT, title: 'Selokan tersumbat di RT 03', anonymous: '1', exact_location: '1', name: '', phone: '' });
    const agreed = await fileComplaint({ ...EXACT, title: 'Jalan berlubang di depan pasar', exact_location: '1' });
    for (const t of [plain, anon, agreed]) await verify(handler, t.ticket);

    for (const t of [plain, anon]) {
      const p = (await apiPoint(t.ticket))!;
      expect(p.lat).not.toBe(0.512345);
      expect(p.lng).not.toBe(117.523456);
      expect(Math.abs(p.lat! - 0.512345)).toBeLessThan(0.002);
      expect(Math.abs(p.lng! - 117.523456)).toBeLessThan(0.002);
    }
    expect(await apiPoint(agreed.ticket)).toMatchObject({ lat: 0.512345, lng: 117.523456 });

    const features = await mapPoints();
    const coords = features.map((f) => f.geometry.coordinates.join(','));
    expect(coords.filter((c) => c === '117.523456,0.512345')).toHaveLength(1); // only the report whose reporter agreed
    expect(features.length).toBeGreaterThanOrEqual(3);

    const row = (await complaintRow(anon.ticket))!;
    expect(row.exact_location_public).toBe(0);
    const officer = await (await handler.get(`/admin/pengaduan/${row.id}`)).text();
    expect(officer).toContain(`(${(0.512345).toFixed(5)}, ${(117.523456).toFixed(5)})`);
  });

  it('snaps deterministically to the centre of a ~220 m cell', () => {
    const a = publicLocation({ lat: 0.512345, lng: 117.523456, isAnonymous: false, exactLocationPublic: false });
    const b = publicLocation({ lat: 0.5129, lng: 117.5239, isAnonymous: false, exactLocationPublic: false });
    expect(a).toEqual({ lat: 0.513, lng: 117.523, exact: false });
    expect(b).toEqual(a);
    expect(publicLocation({ lat: -0.5001, lng: 117.5, isAnonymous: true, exactLocationPublic: true }).exact).toBe(false);
    expect(publicLocation({ lat: null, lng: null, isAnonymous: false, exactLocationPublic: true })).toEqual({ lat: null, lng: null, exact: false });
  });
});
