import { env } from 'cloudflare:test';
import { SELF } from '../helpers/worker';
import { describe, expect, it } from 'vitest';
import { get, ORIGIN } from '../helpers/http';
import { complaintFields, complaintRow, fileComplaint, jpegFile, newToken, nextIp, postComplaint, receiptOf, trackAsReporter } from '../helpers/complaints';
import { imageDimensions } from '../../src/lib/file-type';
import { metadataFound } from '../../src/media/metadata';

const FORM = '/sangatta-utara/swarga-bara/pengaduan';
const count = async (where = '1 = 1', ...binds: unknown[]) =>
  (await env.DB.prepare(`SELECT COUNT(*) AS n FROM complaints WHERE ${where}`)
    .bind(...binds)
    .first<{ n: number }>())!.n;

describe('complaint form page', () => {
  it('renders a per-visitor form that is never cached, with the region prefilled and categories from the database', async () => {
    const a = await get(FORM);
    const b = await get(FORM);
    expect(a.status).toBe(200);
    expect(a.headers.get('Cache-Control')).toBe('no-store');
    expect(a.headers.get('X-Cache')).toBeNull();
    const html = await a.text();
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
    const other = /name="token" value="([^"]+)"/.exec(await b.text())?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(other).not.toBe(token);
    expect(html).toContain('<option value="64.08.04.2012" selected="">Desa Swarga Bara</option>');
    expect(html).toContain('<option value="layanan_administrasi">Layanan administrasi</option>');
    expect(html).toContain('enctype="multipart/form-data"');
    // Sent by send.js (progress, errors beside the button, offline outbox, drafts); a plain POST without JavaScript.
    expect(html).toContain('data-send="laporan"');
    expect(html).toContain('/js/send.js');
    expect(html).toContain('/js/outbox.js');
    expect(html).not.toContain('Lintang');
    expect(html).toContain('Lokasi di peta / deskripsi tempat');
    expect(html).toMatch(/<script src="\/js\/downscale\.js\?v=[^"]+" defer/);
    expect(html).toContain('data-downscale="1024"');
    expect(html).not.toContain('sedang disiapkan');
    for (const id of ['category', 'title', 'description', 'region_code', 'place', 'photos', 'anonymous', 'confidential', 'name', 'phone', 'email']) {
      expect(html, id).toContain(`for="${id}"`);
    }
  });

  it('hides an inactive category from the form', async () => {
    await env.DB.prepare("UPDATE complaint_categories SET is_active = 0 WHERE id = 'keamanan'").run();
    const html = await (await get(FORM)).text();
    expect(html).not.toContain('value="keamanan"');
    const res = await postComplaint(FORM, complaintFields({ category: 'keamanan' }));
    expect(res.status).toBe(422);
    await env.DB.prepare("UPDATE complaint_categories SET is_active = 1 WHERE id = 'keamanan'").run();
  });
});

describe('filing a complaint', () => {
  it('without JavaScript: a confirmation page with number, private code, deadline and private link; nothing cached or leaked', async () => {
    const res = await postComplaint(FORM, complaintFields({ email: 'budi@contoh.id' }), {
      files: [jpegFile('jembatan.jpg', 1600, 1200, { exifOrientation: 6, exifText: 'GPS 0.51,117.52' })],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<!doctype html>');
    const { ticket, code } = receiptOf(html);
    expect(ticket).toMatch(/^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(html).toContain('Apa yang terjadi selanjutnya');
    expect(html).toMatch(/paling lambat <strong>(Senin|Selasa|Rabu|Kamis|Jumat), \d+ \w+ 20\d\d<\/strong>/);
    // "Buka laporan saya" posts the number and code; no link anywhere carries the private code.
    expect(html).toContain('<form method="post" action="/sangatta-utara/swarga-bara/pengaduan/lacak"');
    expect(html).not.toMatch(/href="[^"]*kode=/);
    expect(html).toContain('data-confirmation');
    const row = (await complaintRow(ticket))!;
    expect(row.status).toBe('diterima');
    expect(row.region_code).toBe('64.08.04.2012');
    expect(row.reporter_email).toBe('budi@contoh.id');
    expect(row.reporter_phone).toBe('081234567890');
    expect(String(row.secret_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code.replace(/-/g, ''));
    const att = await env.DB.prepare('SELECT * FROM complaint_attachments WHERE complaint_id = ?')
      .bind(row.id)
      .first<{ r2_key: string; width: number; height: number; media: string }>();
    expect(att!.r2_key).toMatch(new RegExp(`^complaints/${row.id}/[0-9A-Z]{26}/original\\.jpg$`));
    expect([att!.width, att!.height]).toEqual([1200, 1600]); // upright: EXIF orientation 6 applied
    const manifest = JSON.parse(att!.media);
    for (const f of ['thumb.webp', 'thumb.jpg', 'article.webp', 'article.jpg']) expect(await env.FILES.head(`${manifest.base}/${f}`), f).not.toBeNull();
    const stored = new Uint8Array(await (await env.FILES.get(att!.r2_key))!.arrayBuffer());
    expect(new TextDecoder('latin1').decode(stored)).not.toContain('GPS');
    expect(metadataFound(stored)).toEqual([]); // kept upright, so not even an orientation tag
    expect(imageDimensions(stored)).toEqual({ width: 1200, height: 1600 });
    expect((await env.FILES.list({ prefix: 'public/' })).objects.filter((o) => o.key.includes(String(row.id)))).toEqual([]);
    const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE summary LIKE '%Budi%' OR after_json LIKE '%0812%'").first<{ n: number }>();
    expect(audit!.n).toBe(0);
  });

  it('with htmx: answers only the confirmation fragment, which replaces the form in place', async () => {
    const res = await postComplaint(FORM, complaintFields(), { headers: { 'HX-Request': 'true' } });
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(html.startsWith('<div id="pengaduan-isi" data-confirmation')).toBe(true);
    expect(html).not.toContain('<html');
    expect(html).toContain('class="panel"');
    receiptOf(html);
  });

  it('a double tap or retry never creates a duplicate: same ticket, same private code; an edited resend is a new report', async () => {
    const fields = complaintFields({ title: `Lampu jalan padam ${newToken().slice(-6)}` });
    const first = await postComplaint(FORM, fields);
    const second = await postComplaint(FORM, fields);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const a = receiptOf(await first.text());
    const b = receiptOf(await second.text());
    expect(b).toEqual(a);
    const burst = await Promise.all(Array.from({ length: 5 }, () => postComplaint(FORM, fields)));
    for (const r of burst) expect(receiptOf(await r.text())).toEqual(a);
    expect(await count('title = ?', fields.title)).toBe(1);
    const edited = await postComplaint(FORM, { ...fields, description: `${fields.description} Sudah tiga malam gelap.` });
    expect(edited.status).toBe(201);
    expect(receiptOf(await edited.text()).ticket).not.toBe(a.ticket);
  });

  it('200 concurrent submissions are all stored, each with its own number', async () => {
    const before = await count();
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => postComplaint(FORM, complaintFields({ title: `Laporan serentak nomor ${i}` }))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const tickets = await Promise.all(responses.map(async (r) => receiptOf(await r.text()).ticket));
    expect(new Set(tickets).size).toBe(200);
    expect(await count()).toBe(before + 200);
    const events = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id WHERE c.title LIKE 'Laporan serentak nomor %'",
    ).first<{ n: number }>();
    expect(events!.n).toBe(200);
  }, 120_000);

  it('is rate-limited per client IP', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await postComplaint(FORM, complaintFields({ title: `Batas kiriman ${i}` }), { ip })).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('bad input never becomes a 500 or a stored report', () => {
  it('an empty form re-renders with every error, an error summary and a fresh token', async () => {
    const res = await postComplaint(FORM, {});
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    for (const msg of ['Pilih jenis laporan.', 'Pilih kategori.', 'Isi judul laporan.', 'Isi isi laporan.', 'Formulir kedaluwarsa'])
      expect(html).toContain(msg);
    expect(html).toMatch(/name="token" value="[A-Za-z0-9_-]{16,}"/);
  });

  it('keeps what was typed, and asks for contact unless anonymous', async () => {
    const res = await postComplaint(FORM, complaintFields({ name: '', phone: '', email: '', title: 'Judul yang saya ketik' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Judul yang saya ketik"');
    expect(html).toContain('Isi nama Anda, atau pilih kirim sebagai anonim.');
    expect(html).toContain('Isi nomor HP atau email');
    const anon = await postComplaint(FORM, complaintFields({ name: '', phone: '', email: '', anonymous: '1' }));
    expect(anon.status).toBe(201);
  });

  it('refuses huge texts, bad phone numbers and e-mails', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ description: 'x'.repeat(5001) }, 'Isi laporan terlalu panjang (maksimal 5000 huruf).'],
      [{ title: 'y'.repeat(151) }, 'Judul laporan terlalu panjang'],
      [{ description: 'pendek' }, 'minimal 20 huruf'],
      [{ phone: '12345' }, 'Nomor HP tidak valid'],
      [{ phone: '', email: 'bukan-email' }, 'Format email tidak valid'],
      [{ classification: 'lain' }, 'Pilih jenis laporan.'],
      [{ category: 'tidak_ada' }, 'Pilih kategori.'],
      [{ region_code: '99.99.99.9999' }, 'Pilih desa, kelurahan atau kecamatan yang ada.'],
      [{ region_code: '<script>' }, 'Kode wilayah harus kode Kemendagri'],
      [{ token: 'pendek' }, 'Formulir kedaluwarsa'],
    ];
    for (const [over, msg] of cases) {
      const res = await postComplaint(FORM, complaintFields(over));
      expect(res.status, JSON.stringify(over).slice(0, 80)).toBe(422);
      expect(await res.text(), msg).toContain(msg);
    }
  });

  it('refuses bad coordinates', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ lat: '999', lng: '117.5' }, 'Lintang harus angka antara -90 dan 90.'],
      [{ lat: '0.5', lng: '-200' }, 'Bujur harus angka antara -180 dan 180.'],
      [{ lat: 'abc', lng: '117.5' }, 'Lintang harus angka'],
      [{ lat: '0.5' }, 'Isi lintang dan bujur bersama-sama'],
      [{ lat: '-6.2', lng: '106.8' }, 'Koordinat berada di luar Kabupaten Kutai Timur.'],
      [{ lat: 'Infinity', lng: '117.5' }, 'Lintang harus angka'],
    ];
    for (const [over, msg] of cases) {
      const res = await postComplaint(FORM, complaintFields(over));
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(await res.text()).toContain(msg);
    }
    const ok = await postComplaint(FORM, complaintFields({ lat: '0,5123', lng: '117.5' }));
    expect(ok.status).toBe(201);
    const row = await complaintRow(receiptOf(await ok.text()).ticket);
    expect(row!.lat).toBeCloseTo(0.5123);
  });

  it('refuses fake images, too many photos, huge pixel sizes and oversized bodies', async () => {
    const fake = new File([new TextEncoder().encode('<html><script>alert(1)</script></html>')], 'foto.jpg', { type: 'image/jpeg' });
    const svg = new File([new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')], 'x.svg', {
      type: 'image/svg+xml',
    });
    const pdf = new File([new TextEncoder().encode('%PDF-1.7 ...')], 'x.jpg', { type: 'image/jpeg' });
    for (const [files, msg] of [
      [[fake], 'Foto ke-1: Jenis gambar tidak didukung. Kirim foto JPG, PNG atau WebP.'],
      [[jpegFile(), svg], 'Foto ke-2: Jenis gambar tidak didukung'],
      [[pdf], 'Foto ke-1: Jenis gambar tidak didukung'],
      [[jpegFile(), jpegFile(), jpegFile(), jpegFile()], 'Lampirkan paling banyak 3 foto.'],
      [[jpegFile('besar.jpg', 20_000, 300)], 'Foto ke-1: Foto terlalu besar (20000×300 piksel'],
    ] as const) {
      const res = await postComplaint(FORM, complaintFields(), { files: [...files] });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(msg);
    }
    const huge = await SELF.fetch(`${ORIGIN}${FORM}`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(100 * 1024 * 1024), 'CF-Connecting-IP': nextIp() },
      body: '--x--',
    });
    expect(huge.status).toBe(413);
  });

  it('stores script tags as text and always shows them escaped', async () => {
    const title = '<script>alert("x")</script> Jalan';
    const { ticket, code } = await fileComplaint({ title, description: '<img src=x onerror=alert(1)> jalan rusak parah sekali di sini' });
    const page = await (await trackAsReporter(`${FORM}/lacak`, ticket, code)).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Jalan');
  });

  it('refuses a form post from another site', async () => {
    const res = await postComplaint(FORM, complaintFields(), { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    // Pages with Referrer-Policy: no-referrer make browsers send `Origin: null`; Sec-Fetch-Site decides then.
    expect((await postComplaint(FORM, complaintFields(), { headers: { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(201);
    expect((await postComplaint(FORM, complaintFields(), { headers: { Origin: 'null' } })).status).toBe(403);
    expect((await postComplaint(FORM, complaintFields(), { headers: { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
  });
});

describe('tracking a complaint', () => {
  it('by number only: status, and content only once verified', async () => {
    const { ticket } = await fileComplaint({ title: 'Sampah menumpuk di pasar' });
    const res = await get(`/pengaduan/lacak?nomor=${ticket.toLowerCase().replace(/-/g, ' ')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('Diterima');
    expect(html).toContain('Isi laporan tampil untuk umum setelah diverifikasi petugas.');
    expect(html).not.toContain('Sampah menumpuk');
    expect(html).not.toContain('Budi Santoso');
  });

  it('with the private code: everything for the reporter, private headers, and a 404 for a wrong code', async () => {
    const { ticket, code } = await fileComplaint({ title: 'Air PDAM tidak mengalir', anonymous: '1', contact_me: '1', name: 'Wati Anonim' });
    const res = await trackAsReporter(`${FORM}/lacak`, ticket, code.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('Air PDAM tidak mengalir');
    expect(html).toContain('Wati Anonim'); // the reporter asked to keep their contact, and sees what they gave
    expect(html).toContain('<meta name="referrer" content="no-referrer"/>');
    expect(html).toContain('Tambah informasi atau tanggapi');
    // A code in the URL (an old link) is never read: the public view, and a word on entering the code instead.
    const inUrl = await get(`${FORM}/lacak?nomor=${ticket}&kode=${code}`);
    expect(inUrl.status).toBe(200);
    const inUrlHtml = await inUrl.text();
    expect(inUrlHtml).not.toContain('Air PDAM');
    expect(inUrlHtml).toContain('kode pribadi tidak lagi dibaca dari alamat tautan');
    expect(inUrlHtml).toContain('<form method="post" action="/sangatta-utara/swarga-bara/pengaduan/lacak"');
    const wrong = await trackAsReporter(`${FORM}/lacak`, ticket, 'A'.repeat(20));
    expect(wrong.status).toBe(404);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('tidak cocok');
    expect(wrongHtml).not.toContain('Air PDAM');
    expect((await get(`${FORM}/lacak?nomor=ADU-ZZZZ-ZZZZ`)).status).toBe(404);
    expect((await get(`${FORM}/lacak?nomor=%3Cscript%3E`)).status).toBe(422);
  });

  it('the reporter adds information with a photo, and the handler-only photo route stays closed to the public', async () => {
    const { ticket, code } = await fileComplaint();
    const fd = new FormData();
    fd.set('nomor', ticket);
    fd.set('kode', code);
    fd.set('message', 'Tambahan: kayu jembatan makin lapuk.');
    fd.append('photos', jpegFile('tambahan.jpg', 800, 600), 'tambahan.jpg');
    const res = await SELF.fetch(`${ORIGIN}${FORM}/lacak/info`, {
      method: 'POST',
      body: fd,
      redirect: 'manual',
      headers: { Origin: ORIGIN, 'CF-Connecting-IP': nextIp() },
    });
    expect(res.status).toBe(200); // the reporter's page, rendered in the answer: no redirect carrying the code
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('Informasi tambahan Anda sudah dikirim');
    expect(page).toContain('kayu jembatan makin lapuk');
    const photo = /href="([^"]*\/lacak\/foto\/[0-9A-Z]{26}\?t=[^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
    expect(photo).toBeDefined();
    expect(photo).not.toContain(code);
    const img = await get(photo!, { Accept: 'image/*' });
    expect(img.status).toBe(200);
    expect(img.headers.get('Content-Type')).toBe('image/jpeg'); // the article-size derivative
    expect(img.headers.get('Cache-Control')).toBe('private, no-store');
    const forged = await get(photo!.replace(/\.[A-Za-z0-9_-]{43}$/, `.${'A'.repeat(43)}`));
    expect(forged.status).toBe(404);
    const expired = await get(photo!.replace(/t=\d{13}/, `t=${Date.now() - 1000}`));
    expect(expired.status).toBe(404);
    const rate = await SELF.fetch(`${ORIGIN}${FORM}/lacak/nilai`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': nextIp() },
      body: new URLSearchParams({ nomor: ticket, kode: code, score: '5' }).toString(),
    });
    expect(rate.status).toBe(409); // not finished yet
    expect(await rate.text()).toContain('tidak dapat dilakukan');
  });
});
