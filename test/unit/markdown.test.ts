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
    expect(md('### Tiga')).toBe('<h4>Tiga</h4>');
    expect(md('#### Empat')).toBe('<h5>Empat</h5>');
    expect(md('##### Lima')).toBe('<h6>Lima</h6>');
    expect(md('###### Enam ##')).toBe('<h6>Enam</h6>');
    expect(md('#tagar bukan judul')).toBe('<p>#tagar bukan judul</p>');
    expect(md('####### tujuh')).toBe('<p>####### tujuh</p>');
    expect(md('# *Penting* C#')).toBe('<h2><em>Penting</em> C#</h2>');
  });

  it('renders fenced code blocks escaped, with a sanitised language class', () => {
    expect(md('```js\nconst a = "<b>";\n```')).toBe(
      '<pre><code class="language-js">const a = &quot;&lt;b&gt;&quot;;\n</code></pre>',
    );
    expect(md('~~~\n**tidak tebal**\n~~~')).toBe('<pre><code>**tidak tebal**\n</code></pre>');
    expect(md('```"><script>\nx\n```')).toBe('<pre><code>x\n</code></pre>');
    expect(md('```\nbelum ditutup')).toBe('<pre><code>belum ditutup\n</code></pre>');
  });

  it('renders blockquotes, nested and with lazy continuation', () => {
    expect(md('> kutipan\nlanjut\n> > dalam')).toBe(
      '<blockquote>\n<p>kutipan<br>\nlanjut</p>\n<blockquote>\n<p>dalam</p>\n</blockquote>\n</blockquote>',
    );
  });

  it('renders unordered lists with one nested level', () => {
    expect(md('- satu\n* dua')).toBe('<ul>\n<li>satu</li>\n</ul>\n<ul>\n<li>dua</li>\n</ul>');
    expect(md('- satu\n- dua\n  - anak\n  - anak 2\n- tiga')).toBe(
      '<ul>\n<li>satu</li>\n<li>dua\n<ul>\n<li>anak</li>\n<li>anak 2</li>\n</ul></li>\n<li>tiga</li>\n</ul>',
    );
    expect(md('* **Tebal** item')).toBe('<ul>\n<li><strong>Tebal</strong> item</li>\n</ul>');
  });

  it('renders ordered lists, keeping a start number other than 1', () => {
    expect(md('1. a\n2. b')).toBe('<ol>\n<li>a</li>\n<li>b</li>\n</ol>');
    expect(md('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
    expect(md('1. a\n\n2. b')).toBe('<ol>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ol>');
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
    expect(md('*a* _b_ **c** __d__ ***e***')).toBe(
      '<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <em><strong>e</strong></em></p>',
    );
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
    expect(md('[Mirip](https://desa.example.evil.com/)')).toBe(
      `<p><a href="https://desa.example.evil.com/" ${EXT}>Mirip</a></p>`,
    );
    expect(md('[Surat](mailto:desa@example.id) [Telepon](tel:+62549123)')).toBe(
      '<p><a href="mailto:desa@example.id">Surat</a> <a href="tel:+62549123">Telepon</a></p>',
    );
    expect(md('[*miring*](/a)')).toBe('<p><a href="/a"><em>miring</em></a></p>');
  });

  it('treats every http(s) link as external without a siteOrigin', () => {
    expect(renderMarkdown('[x](https://desa.example/a)')).toBe(`<p><a href="https://desa.example/a" ${EXT}>x</a></p>`);
  });

  it('renders autolinks', () => {
    expect(md('<https://a.id/c?d=1&e=2>')).toBe(
      `<p><a href="https://a.id/c?d=1&amp;e=2" ${EXT}>https://a.id/c?d=1&amp;e=2</a></p>`,
    );
    expect(md('<javascript:alert(1)>')).toBe('<p>&lt;javascript:alert(1)&gt;</p>');
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
    expect(md("it's \"quoted\"")).toBe('<p>it&#39;s &quot;quoted&quot;</p>');
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
    expect(md('![a" onerror="alert(1)](/a.png)')).toBe(
      '<p><img src="/a.png" alt="a&quot; onerror=&quot;alert(1)" loading="lazy"></p>',
    );
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

  it('completes pathological inputs', () => {
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
});

describe('markdownToPlainText', () => {
  it('strips syntax and collapses whitespace', () => {
    expect(markdownToPlainText('# Judul\n\nIni **berita** _penting_ & <menarik>.\n- satu\n- [dua](/d)')).toBe(
      'Judul Ini berita penting & <menarik>. satu dua',
    );
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
