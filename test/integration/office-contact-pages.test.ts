import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { get } from '../helpers/http';

// No dead ends: the Layanan (letters) and Lelang sections always tell the citizen which office to contact — the
// region's own, else the nearest ancestor's, saying whose it is.
describe('office contact on Layanan and Lelang', () => {
  beforeAll(async () => {
    await env.DB.prepare(
      `INSERT INTO region_offices (region_code, address, phone, whatsapp, email, hours, updated_at)
       VALUES ('64.08.04', 'Jl. Poros Kecamatan No. 9, Sangatta Utara', '0549-21000', '0812 3456 7890', '', 'Senin–Jumat 08.00–15.00 WITA', 1)`,
    ).run();
  });

  it("shows the village's nearest office (its kecamatan) on Lelang and Layanan", async () => {
    for (const section of ['lelang', 'layanan']) {
      const res = await get(`/sangatta-utara/swarga-bara/${section}`);
      expect(res.status, section).toBe(200);
      const html = await res.text();
      expect(html, section).toMatch(/Hubungi kantor( Kecamatan Sangatta Utara)?</);
      expect(html, section).toContain('Jl. Poros Kecamatan No. 9, Sangatta Utara');
      expect(html, section).toContain('href="tel:054921000"');
      expect(html, section).toContain('href="https://wa.me/6281234567890"');
    }
  });

  it('falls back to "come to the office" where no office on the chain has a contact on file', async () => {
    const html = await (await get('/muara-wahau/lelang')).text();
    expect(html).toContain('Datang langsung ke kantor Kecamatan Muara Wahau');
  });
});

describe('the A4 poster of a region', () => {
  it('prints QR codes with short links to the site and each served section, and the office, at every level', async () => {
    const cases: Array<[string, string]> = [
      ['', '6408'],
      ['/sangatta-utara', '640804'],
      ['/sangatta-utara/swarga-bara', '6408042012'],
    ];
    for (const [prefix, code] of cases) {
      const res = await get(`${prefix}/poster`);
      expect(res.status, prefix).toBe(200);
      const html = await res.text();
      expect(html).toContain('class="poster"');
      expect(html).toContain(`/s/${code}</p>`);
      for (const letter of ['a', 'l', 'i', 'd']) expect(html, `${prefix} ${letter}`).toContain(`/s/${code}${letter}</p>`);
      expect(html.match(/<svg class="qr/g)?.length).toBe(5);
      expect(html).toContain('Tidak punya internet? Datang atau hubungi kantor');
    }
    expect(await (await get('/sangatta-utara/swarga-bara/poster')).text()).toContain('Jl. Poros Kecamatan No. 9, Sangatta Utara');
    expect(await (await get('/sangatta-utara/swarga-bara')).text()).toContain('href="/sangatta-utara/swarga-bara/poster"');
  });
});
