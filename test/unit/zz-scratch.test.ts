import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../src/features/old-sites/convert';
import { renderMarkdown } from '../../src/lib/markdown';

describe('scratch', () => {
  it('converts', () => {
    const r = htmlToMarkdown('[caption id="x"]<img src="/wp-content/uploads/a.jpg" alt="Foto">Keterangan[/caption]<h2>Judul</h2><p onclick="x()">Hello <b>world</b> <a href="javascript:alert(1)">jahat</a> <a href="/2021/01/lama/">lama</a> <a href="https://kemendagri.go.id">luar</a> <img src="https://evil.test/x.png" onerror="alert(1)"></p><script>alert(2)</script><iframe src="https://evil"></iframe><table><tr><td>a</td><td>b</td></tr></table><p>&lt;script&gt;x&lt;/script&gt; 1. bukan daftar</p>', 'https://swargabara.desa.id', {
      link: (u) => (u.host === 'swargabara.desa.id' ? '/sangatta-utara/swarga-bara/berita/lama' : u.href),
      image: (u) => (u.host === 'swargabara.desa.id' ? '/media/public/impor/abc.jpg' : null),
    });
    console.log(r.markdown);
    console.log(renderMarkdown(r.markdown));
    expect(r.markdown).toContain('Judul');
  });
});
