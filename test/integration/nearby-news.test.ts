import { describe, expect, it } from 'vitest';
import { get } from '../helpers/http';
import { insertPost } from '../helpers/seed';

/** Anchors (<a href>) pointing at a post's original page. */
const linkTo = (path: string) => `href="${path}"`;

describe('No dead ends: a village without posts shows its kecamatan’s and the regency’s latest', () => {
  it('keeps the empty state where no ancestor has anything either (before any post exists)', async () => {
    const list = await (await get('/kaliorang/berita')).text();
    expect(list).toContain('yang diterbitkan di wilayah ini');
    expect(list).not.toContain('belum menerbitkan');
  });

  it('labels where each item comes from, links to the originals, and never shows an empty box', async () => {
    const kec = await insertPost({ regionCode: '64.08.01', title: 'Rapat kecamatan Muara Ancalong' });
    const sibling = await insertPost({ regionCode: '64.08.01.2002', title: 'Panen raya Kelinjau Ilir' });
    const regency = await insertPost({ regionCode: '64.08', title: 'Kabar kabupaten Kutai Timur' });
    const elsewhere = await insertPost({ regionCode: '64.08.02', title: 'Kabar kecamatan lain' });
    const notice = await insertPost({ regionCode: '64.08.01', kind: 'pengumuman', title: 'Pengumuman jadwal posyandu kecamatan' });

    const home = await (await get('/muara-ancalong/senyiur')).text();
    const news = home.slice(home.indexOf('id="berita-terbaru"'), home.indexOf('id="pengumuman-terbaru"'));
    expect(news).toContain('Desa Senyiur belum menerbitkan berita.');
    expect(news).not.toContain('Belum ada berita.');
    expect(news).toContain('Dari Kecamatan Muara Ancalong');
    expect(news).toContain('Dari Kabupaten Kutai Timur');
    expect(news).toContain(linkTo(`/muara-ancalong/berita/${kec.slug}`));
    expect(news).toContain(linkTo(`/muara-ancalong/kelinjau-ilir/berita/${sibling.slug}`));
    expect(news).toContain(linkTo(`/berita/${regency.slug}`));
    // nearest first, and nothing from another kecamatan (the regency group is the regency's own posts only)
    expect(news.indexOf('Dari Kecamatan Muara Ancalong')).toBeLessThan(news.indexOf('Dari Kabupaten Kutai Timur'));
    expect(home).not.toContain(elsewhere.slug);
    const notices = home.slice(home.indexOf('id="pengumuman-terbaru"'));
    expect(notices).toContain('Desa Senyiur belum menerbitkan pengumuman atau agenda.');
    expect(notices).toContain(linkTo(`/muara-ancalong/berita/${notice.slug}`));
    expect(notices).not.toContain('Belum ada pengumuman atau agenda.');

    const list = await (await get('/muara-ancalong/senyiur/berita')).text();
    expect(list).toContain('Desa Senyiur belum menerbitkan berita atau pengumuman.');
    expect(list).toMatch(/<h2>Dari Kecamatan Muara Ancalong<\/h2>/);
    expect(list).toContain(linkTo(`/muara-ancalong/berita/${kec.slug}`));
    expect(list).toContain(linkTo(`/berita/${regency.slug}`));
    expect(list).not.toContain(elsewhere.slug);
    expect(list).not.toContain('yang diterbitkan di wilayah ini');

    const onlyNotices = await (await get('/muara-ancalong/senyiur/berita?jenis=pengumuman')).text();
    expect(onlyNotices).toContain(linkTo(`/muara-ancalong/berita/${notice.slug}`));
    expect(onlyNotices).not.toContain(kec.slug);
    expect(onlyNotices).toContain('href="/muara-ancalong/berita?jenis=pengumuman"');
  });

  it('shows a village’s own posts as before, and a search without results stays a plain answer', async () => {
    const own = await insertPost({ regionCode: '64.08.01.2003', title: 'Kabar desa sendiri' });
    await insertPost({ regionCode: '64.08.01', title: 'Kabar kecamatan untuk desa lain' });
    const home = await (await get('/muara-ancalong/kelinjau-ulu')).text();
    const news = home.slice(home.indexOf('id="berita-terbaru"'), home.indexOf('id="pengumuman-terbaru"'));
    expect(news).toContain(own.slug);
    expect(news).not.toContain('Dari Kecamatan Muara Ancalong');
    expect(news).not.toContain('belum menerbitkan');

    const search = await (await get('/muara-ancalong/senyiur/berita?q=tidakadajudulini')).text();
    expect(search).toContain('Tidak ada tulisan yang judulnya memuat');
    expect(search).not.toContain('Dari Kecamatan Muara Ancalong');
  });
});
