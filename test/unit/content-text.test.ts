import { describe, expect, it } from 'vitest';
import { buildRss, buildSitemap, rfc822, xmlEscape } from '../../src/lib/feed';
import { PostForm } from '../../src/features/content/schemas';
import { msToWitaLocal, witaLocalToMs } from '../../src/lib/time';
import { slugify, uniqueSlug } from '../../src/features/content/slug';
import { FIXED_PAGE_SLUGS } from '../../src/regions/fixed-pages';
import { DocumentForm } from '../../src/features/documents/schemas';
import { xmlProblem } from '../helpers/content';

describe('slugs', () => {
  it('makes ASCII slugs from Indonesian titles', () => {
    expect(slugify('Warga Swarga Bara Gotong-Royong!')).toBe('warga-swarga-bara-gotong-royong');
    expect(slugify('Pelantikan BPD — Désa Ûlu')).toBe('pelantikan-bpd-desa-ulu');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(slugify('!!!')).toBe('');
    const long = slugify('kata '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
  });
  it('never reuses a taken slug nor a fixed page slug', () => {
    expect(uniqueSlug('Rapat desa', new Set())).toBe('rapat-desa');
    expect(uniqueSlug('Rapat desa', new Set(['rapat-desa', 'rapat-desa-2']))).toBe('rapat-desa-3');
    for (const s of FIXED_PAGE_SLUGS) expect(uniqueSlug(s.replace(/-/g, ' '), new Set())).toBe(`${s}-2`);
    expect(uniqueSlug('???', new Set(['tulisan']))).toBe('tulisan-2');
    const taken = new Set([slugify('x'.repeat(100))]);
    const s = uniqueSlug('x'.repeat(100), taken);
    expect(s.length).toBeLessThanOrEqual(80);
    expect(s.endsWith('-2')).toBe(true);
  });
});

describe('WITA datetime-local', () => {
  it('reads the wall clock as WITA (UTC+8) and round-trips', () => {
    expect(witaLocalToMs('2026-08-17T08:00')).toBe(Date.UTC(2026, 7, 17, 0, 0));
    expect(msToWitaLocal(Date.UTC(2026, 7, 17, 0, 0))).toBe('2026-08-17T08:00');
    for (const bad of ['2026-02-30T10:00', '2026-08-17T24:00', '2026-08-17 08:00', '17-08-2026T08:00', '']) expect(witaLocalToMs(bad), bad).toBeNull();
  });
});

describe('post and document forms', () => {
  it('reports every problem at once, in Indonesian', () => {
    const r = PostForm.safeParse({ kind: 'agenda', title: 'abc', body_md: ' ', valid_from: '2026-05-02', valid_until: '2026-05-01' });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['title', 'body_md', 'event_starts_at', 'event_place', 'valid_until']));
    const ok = PostForm.parse({ kind: 'berita', title: 'Judul yang cukup', body_md: 'Isi', publish_at: '', event_place: '' });
    expect(ok.publish_at).toBeUndefined();
    expect(ok.aksi).toBe('simpan');
  });
  it('a dikecualikan document needs its legal basis and consequence test; the year is bounded', () => {
    const base = { title: 'Data penerima', category: 'laporan', year: '2026' };
    const r = DocumentForm.safeParse({ ...base, info_category: 'dikecualikan' });
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['exemption_legal_basis', 'consequence_test_summary']));
    expect(DocumentForm.safeParse({ ...base, info_category: 'berkala' }).success).toBe(true);
    expect(DocumentForm.safeParse({ ...base, year: '1900', info_category: 'berkala' }).success).toBe(false);
    expect(DocumentForm.safeParse({ ...base, year: String(new Date().getUTCFullYear() + 2), info_category: 'berkala' }).success).toBe(false);
    expect(DocumentForm.safeParse({ ...base, category: 'rahasia', info_category: 'berkala' }).success).toBe(false);
  });
});

describe('feeds', () => {
  it('escapes text and drops characters XML 1.0 forbids', () => {
    expect(xmlEscape(`a & b < c > "d" 'e'`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
    expect(xmlEscape('x\u0000y\u0008z\u000bw\ud800v')).toBe('xyzwv');
    expect(xmlEscape('tab\tbaris\nbaru')).toBe('tab\tbaris\nbaru');
  });
  it('builds well-formed RSS 2.0 and sitemap documents', () => {
    const rss = buildRss({
      title: 'Berita <Desa> & Kota',
      link: 'https://x.test/berita',
      self: 'https://x.test/berita.xml',
      description: 'd',
      items: [
        {
          title: '</title><script>',
          url: 'https://x.test/berita/a?b=1&c=2',
          summary: ']]> & <b>',
          publishedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
          category: 'Berita',
          imageUrl: 'https://x.test/media/public/posts/A.png',
        },
      ],
    });
    expect(xmlProblem(rss)).toBeNull();
    expect(rss).toContain('<pubDate>Fri, 02 Jan 2026 03:04:05 GMT</pubDate>');
    expect(rss).toContain('<link>https://x.test/berita/a?b=1&amp;c=2</link>');
    expect(rss).toContain('type="image/png"');
    expect(rss).not.toContain('<script>');
    expect(xmlProblem(buildRss({ title: 't', link: 'l', self: 's', description: 'd', items: [] }))).toBeNull();
    const sm = buildSitemap([{ loc: 'https://x.test/a?b&c', lastmod: Date.UTC(2026, 0, 2) }, { loc: 'https://x.test/' }]);
    expect(xmlProblem(sm)).toBeNull();
    expect(sm).toContain('<lastmod>2026-01-02</lastmod>');
    expect(rfc822(0)).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
  });
  it('the test checker itself catches broken XML', () => {
    expect(xmlProblem('<a><b></a></b>')).not.toBeNull();
    expect(xmlProblem('<a>x & y</a>')).not.toBeNull();
    expect(xmlProblem('<a>1 < 2</a>')).not.toBeNull();
    expect(xmlProblem('<a></a><b/>')).not.toBeNull();
    expect(xmlProblem('<a x="1"><b/>t &amp; u</a>')).toBeNull();
  });
});
