import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_LENGTH, markdownToPlainText, renderMarkdown } from '../../src/lib/markdown';

const SITE = { siteOrigin: 'https://desa.example' };
const md = (s: string) => renderMarkdown(s, SITE);
const EXT = 'rel="noopener noreferrer nofollow" target="_blank"';

describe('renderMarkdown: block constructs', () => {
  it('renders paragraphs separated by blank lines', () => {
    expect(md('Satu\n\nDua')).toBe('<p>Satu</p>\n<p>Dua</p>');
    expect(md('')).toBe('');
  });

  it('turns every newline inside a paragraph into <br> (plain, two spaces, backslash)', () => {
    expect(md('a\nb  \nc\\\nd')).toBe('<p>a<br>\nb<br>\nc<br>\nd</p>');
    expect(md('a\r\nb')).toBe('<p>a<br>\nb</p>');
  });

  it('maps headings so the page <h1> stays unique', () => {
    expect(md('# Satu')).toBe('<h2>Satu</h2>');
    expect(md('## Dua')).toBe('<h2>Dua</h2>');
    expect(md('### Tiga')).toBe('<h2>Tiga</h2>'); // the article's first heading is always <h2>
    expect(md('#### Empat')).toBe('<h2>Empat</h2>');
    expect(md('###### Enam ##')).toBe('<h2>Enam</h2>');
    expect(md('#tagar bukan judul')).toBe('<p>#tagar bukan judul</p>');
    expect(md('####### tujuh')).toBe('<p>####### tujuh</p>');
    expect(md('# *Penting* C#')).toBe('<h2><em>Penting</em> C#</h2>');
  });

  it('never skips a heading level (the outline has no gaps), capped at <h6>', () => {
    expect(md('Pembuka\n### Sub')).toBe('<p>Pembuka</p>\n<h2>Sub</h2>');
    expect(md('# A\n### B\n##### C')).toBe('<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>');
    expect(md('## A\n### B\n### C\n## D\n#### E')).toBe('<h2>A</h2>\n<h3>B</h3>\n<h3>C</h3>\n<h2>D</h2>\n<h3>E</h3>');
    expect(md('### A\n# B\n## C')).toBe('<h2>A</h2>\n<h2>B</h2>\n<h3>C</h3>'); // shallower than the first: back to <h2>
    expect(md('# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6')).toBe('<h2>1</h2>\n<h3>2</h3>\n<h4>3</h4>\n<h5>4</h5>\n<h6>5</h6>\n<h6>6</h6>');
    const levels = (html: string) => [...html.matchAll(/<h(\d)>/g)].map((m) => Number(m[1]));
    for (const doc of ['###### a\n# b\n### c\n## d\n###### e', '> ### kutip\n\n##### lanjut', '- ## dalam daftar\n\n#### sesudah']) {
      const got = levels(md(doc));
      expect(got[0], doc).toBe(2);
      for (let i = 1; i < got.length; i++) expect(got[i]! - got[i - 1]!, doc).toBeLessThanOrEqual(1);
      expect(Math.min(...got), doc).toBeGreaterThanOrEqual(2);
    }
  });

  it('drops empty headings', () => {
    expect(md('#\n\nisi')).toBe('<p>isi</p>');
    expect(md('# A\n##\n## B')).toBe('<h2>A</h2>\n<h3>B</h3>');
  });

  it('renders fenced code blocks escaped, with a sanitised language class', () => {
    expect(md('```js\nconst a = "<b>";\n```')).toBe('<pre><code class="language-js">const a = &quot;&lt;b&gt;&quot;;\n</code></pre>');
    expect(md('~~~\n**tidak tebal**\n~~~')).toBe('<pre><code>**tidak tebal**\n</code></pre>');
    expect(md('```"><script>\nx\n```')).toBe('<pre><code>x\n</code></pre>');
    expect(md('```\nbelum ditutup')).toBe('<pre><code>belum ditutup\n</code></pre>');
  });

  it('renders blockquotes, nested and with lazy continuation', () => {
    expect(md('> kutipan\nlanjut\n> > dalam')).toBe('<blockquote>\n<p>kutipan<br>\nlanjut</p>\n<blockquote>\n<p>dalam</p>\n</blockquote>\n</blockquote>');
  });

  it('renders unordered lists with one nested level', () => {
    expect(md('- satu\n* dua')).toBe('<ul>\n<li>satu</li>\n</ul>\n<ul>\n<li>dua</li>\n</ul>');
    expect(md('- satu\n- dua\n  - anak\n  - anak 2\n- tiga')).toBe(
      '<ul>\n<li>satu</li>\n<li>dua\n<ul>\n<li>anak</li>\n<li>anak 2</li>\n</ul>\n</li>\n<li>tiga</li>\n</ul>',
    );
    expect(md('* **Tebal** item')).toBe('<ul>\n<li><strong>Tebal</strong> item</li>\n</ul>');
  });

  it('renders ordered lists, keeping a start number other than 1', () => {
    expect(md('1. a\n2. b')).toBe('<ol>\n<li>a</li>\n<li>b</li>\n</ol>');
    expect(md('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
    expect(md('1. a\n\n2. b')).toBe('<ol>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ol>');
  });

  it('lets a list interrupt a paragraph the way staff type it', () => {
    expect(md('Berikut:\n- a\n- b')).toBe('<p>Berikut:</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(md('Tahun\n2024. bukan daftar')).toBe('<p>Tahun<br>\n2024. bukan daftar</p>');
  });

  it('renders horizontal rules', () => {
    expect(md('---')).toBe('<hr>');
    expect(md('* * *')).toBe('<hr>');
    expect(md('a\n\n___\n\nb')).toBe('<p>a</p>\n<hr>\n<p>b</p>');
  });

  it('does not treat indentation as a code block', () => {
    expect(md('    menjorok')).toBe('<p>menjorok</p>');
  });
});

describe('renderMarkdown: inline constructs', () => {
  it('renders emphasis, strong and code', () => {
    expect(md('*a* _b_ **c** __d__ ***e***')).toBe('<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <em><strong>e</strong></em></p>');
    expect(md('**tebal *miring* tebal**')).toBe('<p><strong>tebal <em>miring</em> tebal</strong></p>');
    expect(md('nama_file_baru dan 2 * 3 * 4')).toBe('<p>nama_file_baru dan 2 * 3 * 4</p>');
    expect(md('`a <b> & c`')).toBe('<p><code>a &lt;b&gt; &amp; c</code></p>');
    expect(md('`` ada ` tanda ``')).toBe('<p><code>ada ` tanda</code></p>');
    expect(md('\\*bukan miring\\*')).toBe('<p>*bukan miring*</p>');
    expect(md('`tidak ditutup')).toBe('<p>`tidak ditutup</p>');
  });

  it('renders links: external get rel/target, internal do not', () => {
    expect(md('[Kabupaten](https://kutaitimurkab.go.id "Situs resmi")')).toBe(
      `<p><a href="https://kutaitimurkab.go.id/" title="Situs resmi" ${EXT}>Kabupaten</a></p>`,
    );
    expect(md('[Berita](/berita/1)')).toBe('<p><a href="/berita/1">Berita</a></p>');
    expect(md('[Sini](https://desa.example/profil)')).toBe('<p><a href="https://desa.example/profil">Sini</a></p>');
    expect(md('[Mirip](https://desa.example.evil.com/)')).toBe(`<p><a href="https://desa.example.evil.com/" ${EXT}>Mirip</a></p>`);
    expect(md('[Surat](mailto:desa@example.id) [Telepon](tel:+62549123)')).toBe(
      '<p><a href="mailto:desa@example.id">Surat</a> <a href="tel:+62549123">Telepon</a></p>',
    );
    expect(md('[*miring*](/a)')).toBe('<p><a href="/a"><em>miring</em></a></p>');
  });

  it('treats every http(s) link as external without a siteOrigin', () => {
    expect(renderMarkdown('[x](https://desa.example/a)')).toBe(`<p><a href="https://desa.example/a" ${EXT}>x</a></p>`);
  });

  it('renders autolinks', () => {
    expect(md('<https://a.id/c?d=1&e=2>')).toBe(`<p><a href="https://a.id/c?d=1&amp;e=2" ${EXT}>https://a.id/c?d=1&amp;e=2</a></p>`);
    expect(md('<javascript:alert(1)>')).toBe('<p>&lt;javascript:alert(1)&gt;</p>');
  });

  it('turns bare http(s) addresses in text into safe links, and nothing else', () => {
    expect(md('Lihat https://kutaitimurkab.go.id/berita.')).toBe(
      `<p>Lihat <a href="https://kutaitimurkab.go.id/berita" ${EXT}>https://kutaitimurkab.go.id/berita</a>.</p>`,
    );
    expect(md('Info: https://desa.example/profil')).toBe('<p>Info: <a href="https://desa.example/profil">https://desa.example/profil</a></p>');
    expect(md('(lihat https://a.id/x?y=1&z=2)')).toBe(`<p>(lihat <a href="https://a.id/x?y=1&amp;z=2" ${EXT}>https://a.id/x?y=1&amp;z=2</a>)</p>`);
    expect(md('https://a.id/"><script>alert(1)</script>')).toBe(
      `<p><a href="https://a.id/" ${EXT}>https://a.id/</a>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>`,
    );
    for (const text of [
      'javascript:alert(1)',
      'JAVASCRIPT://a.id/%0aalert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      '//evil.example/x',
      'ftp://a.id/x',
      'www.contoh.id',
      'desa@contoh.id',
      'file.pdf',
      'Rp1.000.000',
    ]) {
      expect(md(`Teks ${text} teks`), text).not.toContain('<a');
    }
    expect(md('`https://a.id` dan [tautan https://a.id](/x)')).toBe('<p><code>https://a.id</code> dan <a href="/x">tautan https://a.id</a></p>');
  });

  it('keeps the text of a refused link and the alt of a refused image', () => {
    expect(md('[klik](javascript:alert(1)) [foto](data:x) ![gambar](javascript:x)')).toBe('<p>klik foto gambar</p>');
    expect(md('[a]: javascript:alert(1)\n\n[klik][a]')).toBe('<p>klik</p>');
    expect(md('[rujukan][b]\n\n[b]: /berita/1 "Judul"')).toBe('<p><a href="/berita/1" title="Judul">rujukan</a></p>');
  });

  it('renders images lazily, only for /-relative and https sources', () => {
    expect(md('![Foto kegiatan](/files/a.jpg)')).toBe('<p><img src="/files/a.jpg" alt="Foto kegiatan" loading="lazy"></p>');
    expect(md('![b](https://cdn.example/b.png)')).toBe('<p><img src="https://cdn.example/b.png" alt="b" loading="lazy"></p>');
    expect(md('![tidak aman](http://x.example/a.png)')).toBe('<p>tidak aman</p>');
    expect(md('![data](data:image/png;base64,AAAA)')).toBe('<p>data</p>');
    expect(md('![*alt*](/a.png)')).toBe('<p><img src="/a.png" alt="alt" loading="lazy"></p>');
    expect(md('[![logo](/logo.png)](/)')).toBe('<p><a href="/"><img src="/logo.png" alt="logo" loading="lazy"></a></p>');
  });
});

describe('renderMarkdown: XSS', () => {
  it('escapes all raw HTML', () => {
    expect(md('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(md('<img src=x onerror="alert(1)">')).toBe('<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>');
    expect(md('<div>\n<iframe src="//evil">')).toBe('<p>&lt;div&gt;<br>\n&lt;iframe src=&quot;//evil&quot;&gt;</p>');
    expect(md('# <svg onload=alert(1)>')).toBe('<h2>&lt;svg onload=alert(1)&gt;</h2>');
    expect(md('it\'s "quoted"')).toBe('<p>it&#39;s &quot;quoted&quot;</p>');
  });

  it('never decodes HTML entities into markup', () => {
    expect(md('&lt;script&gt; &#60;b&#62; &amp;')).toBe('<p>&amp;lt;script&amp;gt; &amp;#60;b&amp;#62; &amp;amp;</p>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    '<java\tscript:alert(1)>',
    '<java\nscript:alert(1)>',
    '<\u0001javascript:alert(1)>',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/\\evil.example/x',
    '<\t//evil.example>',
    'berita/relatif',
    '#anchor',
  ])('drops the link for %j', (url) => {
    const html = md(`[klik](${url})`);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('href');
    expect(html.toLowerCase()).not.toMatch(/<[a-z][^>]*script:/);
  });

  it('keeps quotes in link text, titles, alt and URLs from breaking attributes', () => {
    expect(md('[x" onmouseover="a](https://a.id "t\\" onclick=\\"x")')).toBe(
      `<p><a href="https://a.id/" title="t&quot; onclick=&quot;x" ${EXT}>x&quot; onmouseover=&quot;a</a></p>`,
    );
    expect(md('![a" onerror="alert(1)](/a.png)')).toBe('<p><img src="/a.png" alt="a&quot; onerror=&quot;alert(1)" loading="lazy"></p>');
    expect(md(`[q](/a"onmouseover='x')`)).toBe(`<p><a href="/a&quot;onmouseover=&#39;x&#39;">q</a></p>`);
    expect(md('[u](https://a.id/"><script>)')).toBe(`<p><a href="https://a.id/%22%3E%3Cscript%3E" ${EXT}>u</a></p>`);
  });

  it('escapes code and fenced code content', () => {
    expect(md('`<img src=x onerror=alert(1)>`')).toBe('<p><code>&lt;img src=x onerror=alert(1)&gt;</code></p>');
  });
});

describe('renderMarkdown: bounded work', () => {
  it('rejects input over the size limit', () => {
    expect(() => renderMarkdown('a'.repeat(MAX_MARKDOWN_LENGTH + 1))).toThrow(RangeError);
    expect(() => renderMarkdown('a'.repeat(MAX_MARKDOWN_LENGTH))).not.toThrow();
  });

  it('completes pathological inputs', { timeout: 120_000 }, () => {
    const inputs = [
      '*'.repeat(50_000),
      `a${'*'.repeat(50_000)}a`,
      '['.repeat(50_000),
      '>'.repeat(50_000),
      '> '.repeat(50_000),
      `${'>'.repeat(50)}\n`.repeat(2_000),
      '_a'.repeat(50_000),
      'a*'.repeat(50_000),
      '[a]('.repeat(25_000),
      '![['.repeat(33_000),
      '`a``'.repeat(25_000),
      '<a:'.repeat(33_000),
      `${'- '.repeat(25_000)}x`,
      `${'  '.repeat(50_000)}#`,
      `# ${' '.repeat(100_000)}x`,
      `[${'('.repeat(50_000)}`,
    ];
    for (const input of inputs) expect(typeof renderMarkdown(input)).toBe('string');
    expect(renderMarkdown('['.repeat(50_000))).toBe(`<p>${'['.repeat(50_000)}</p>`);
  });

  it('bounds emphasis bombs, deep nesting and inputs at the size limit (output grows linearly)', { timeout: 120_000 }, () => {
    const bombs = [
      '*a **a '.repeat(25_000),
      `${'**'.repeat(50_000)}a`,
      `${'*'.repeat(20_000)}a${'*'.repeat(20_000)}`,
      `${'_*'.repeat(40_000)}a${'*_'.repeat(40_000)}`,
      '<https://a.id>'.repeat(14_000),
      'lihat https://desa.id/x '.repeat(8_000),
      '\\'.repeat(MAX_MARKDOWN_LENGTH),
      `${'[a]: /x\n'.repeat(10_000)}${'[a]'.repeat(20_000)}`,
      `${'[a]('.repeat(20_000)}${')'.repeat(20_000)}`,
      Array.from({ length: 4_000 }, (_, i) => `${' '.repeat((i % 40) * 2)}- x`).join('\n'),
    ];
    for (const input of bombs) {
      expect(input.length).toBeLessThanOrEqual(MAX_MARKDOWN_LENGTH);
      const html = renderMarkdown(input);
      expect(html.length, input.slice(0, 20)).toBeLessThan(input.length * 10 + 1_000);
      expect(html).not.toMatch(/<(?!\/?(?:p|em|strong|a|br|ul|li)\b)[a-z]/);
    }
    const deep = renderMarkdown(`awal\n\n${'> '.repeat(5_000)}dalam\n\nakhir`);
    expect(deep.startsWith('<p>awal</p>')).toBe(true); // nesting is capped, no stack overflow
    expect(deep.endsWith('<p>akhir</p>')).toBe(true);
  });
});

describe('markdownToPlainText', () => {
  it('strips syntax and collapses whitespace', () => {
    expect(markdownToPlainText('# Judul\n\nIni **berita** _penting_ & <menarik>.\n- satu\n- [dua](/d)')).toBe('Judul Ini berita penting & <menarik>. satu dua');
    expect(markdownToPlainText('```\nkode\n```\n> kutip')).toBe('kode kutip');
  });

  it('cuts at a word boundary with an ellipsis', () => {
    const text = 'Musyawarah desa membahas rencana pembangunan jalan usaha tani.';
    expect(markdownToPlainText(text, 200)).toBe(text);
    const cut = markdownToPlainText(text, 30);
    expect(cut).toBe('Musyawarah desa membahas…');
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(markdownToPlainText('Satu, dua, tiga empat', 11)).toBe('Satu, dua…');
    expect(markdownToPlainText('Supercalifragilistik', 10)).toBe('Supercali…');
  });
});
