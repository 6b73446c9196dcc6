// Document categories per region level and their usual PPID class, from the one table in
// src/regions/document-categories.ts: the form offers each level its own categories, the service refuses the others,
// a category without a chosen class gets its usual one, and the monitoring checklist follows the same rule.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { categoriesForLevel, defaultInfoCategory } from '../../src/regions/document-categories';
import { loginAs } from '../helpers/auth';
import { fileOf, multipart, pdfBytes, setStage } from '../helpers/content';

const uid = () => crypto.randomUUID().slice(0, 8);
const options = (html: string) => [...html.matchAll(/<option value="([a-z_]+)"[^>]*data-levels=/g)].map((m) => m[1]!);

describe('document categories per level', () => {
  it('the table: villages have APBDes and Perdes but no LKJIP/Renstra/RKA/DPA; LKJIP is berkala, SOP setiap saat', () => {
    expect(categoriesForLevel('desa')).toEqual(['sop', 'apbdes', 'perdes_perkades', 'laporan', 'lainnya']);
    expect(categoriesForLevel('kecamatan')).toEqual(['sop', 'lkjip', 'renstra', 'renja', 'rka', 'dpa', 'laporan', 'lainnya']);
    expect(categoriesForLevel('kelurahan')).not.toContain('apbdes');
    expect(defaultInfoCategory('lkjip')).toBe('berkala');
    expect(defaultInfoCategory('apbdes')).toBe('berkala');
    expect(defaultInfoCategory('sop')).toBe('setiap_saat');
  });

  it("offers a village operator only the village's categories, and a kecamatan operator the kecamatan's", async () => {
    const desa = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect(options(await (await desa.get('/admin/dokumen/baru')).text())).toEqual(categoriesForLevel('desa'));
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    const html = await (await kec.get('/admin/dokumen/baru?wilayah=64.08.04&kategori=lkjip')).text();
    expect(options(html)).toEqual(expect.arrayContaining(categoriesForLevel('kecamatan')));
    expect(html).toContain('data-levels="kabupaten kecamatan" data-info="berkala"');
    // The monitoring link's category presets its usual class: LKJIP is "berkala", not "setiap saat".
    expect(html).toMatch(/value="berkala" checked/);
    expect(html).not.toMatch(/value="setiap_saat" checked/);
  }, 20_000);

  it('refuses a category the level does not have (422 naming the allowed ones) and fills the usual class when none is chosen', async () => {
    await setStage('64.08.04.2011', 'mandiri');
    const op = await loginAs([['operator_desa', '64.08.04.2011']]);
    const fields = { region_code: '64.08.04.2011', year: '2025', aksi: 'terbitkan' };
    const refused = await op.postMultipart(
      '/admin/dokumen',
      multipart({ ...fields, title: `LKJIP desa ${uid()}`, category: 'lkjip', info_category: 'berkala' }, { file: fileOf(pdfBytes('l'), 'l.pdf') }),
    );
    expect(refused.status).toBe(422);
    const body = await refused.text();
    expect(body).toContain('LKJIP bukan dokumen desa');
    expect(body).toContain('APBDes');
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM documents WHERE title LIKE 'LKJIP desa %'").first<{ n: number }>()).toEqual({ n: 0 });

    const title = `APBDes ${uid()}`;
    const ok = await op.postMultipart('/admin/dokumen', multipart({ ...fields, title, category: 'apbdes' }, { file: fileOf(pdfBytes('a'), 'a.pdf') }));
    expect(ok.status).toBe(303);
    const row = await env.DB.prepare('SELECT info_category FROM documents WHERE title = ?').bind(title).first<{ info_category: string }>();
    expect(row).toEqual({ info_category: 'berkala' });
  }, 20_000);

  it('the monitoring checklist refuses a document category the level does not have', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const res = await admin.post('/admin/pemantauan/ceklis', { level: 'desa', kind: 'dokumen', label: 'LKJIP desa', categories: ['lkjip'], year: 'lalu' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Tingkat desa tidak memiliki dokumen LKJIP');
  });
});
