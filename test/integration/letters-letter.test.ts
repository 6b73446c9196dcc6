import { env } from 'cloudflare:test';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { applyLetterAction } from '../../src/features/letters/actions';
import { letterBodyHtml } from '../../src/features/letters/letter-html';
import { renderLetterPdf } from '../../src/features/letters/letter-pdf';
import { letterDocument, verifyLetter } from '../../src/features/letters/letter-service';
import { findRequestById, templateVersion } from '../../src/features/letters/repo';
import { submitRequest } from '../../src/features/letters/submit';
import { TemplateContent } from '../../src/features/letters/template';
import { saveTemplateVersion } from '../../src/features/letters/templates-service';
import { readRequirementUploads } from '../../src/features/letters/uploads';
import { jpegBytes } from '../helpers/complaints';
import { letterDeps, OFFICER, skuInput, SWARGA_BARA } from '../helpers/letters';
import { decodeQrSvg } from '../helpers/qr-decode';

const NOW = Date.UTC(2026, 11, 1, 2);
const ORIGIN = 'https://portal.test';

async function finishedLetter(over: Parameters<typeof skuInput>[0] = {}) {
  const deps = letterDeps();
  const sku = await templateVersion(deps.db, 'sk-usaha', 1);
  const files = new Map([
    ['ktp', new File([jpegBytes(40, 30)], 'ktp.jpg')],
    ['kk', new File([jpegBytes(40, 30)], 'kk.jpg')],
  ]);
  const uploads = await readRequirementUploads(files, sku!.requirements, (b) => b);
  let row = (await submitRequest(deps, SWARGA_BARA, skuInput(over), uploads, { now: NOW, channel: 'portal' })).request;
  for (const action of [{ type: 'periksa' }, { type: 'proses' }, { type: 'beri_nomor' }, { type: 'tandatangani', method: 'basah' }] as const) {
    row = (
      await applyLetterAction(
        deps,
        row,
        action,
        'petugas',
        OFFICER,
        NOW + 60_000,
        action.type === 'tandatangani' ? { patch: { signatoryName: 'Sutrisno', signatoryPosition: 'Kepala Desa Swarga Bara', signatoryNip: '' } } : {},
      )
    ).row;
  }
  return row;
}

const svgOf = (html: string) => /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';

describe('the letter and its verification', () => {
  it('renders the A4 letter: kop, title, number, full identity, signatory and a QR code that decodes to the verification URL', async () => {
    const row = await finishedLetter({ name: 'Siti Aminah' });
    const doc = await letterDocument(letterDeps(), row, ORIGIN, NOW);
    const html = letterBodyHtml(doc);
    expect(html).toContain('PEMERINTAH KABUPATEN KUTAI TIMUR');
    expect(html).toContain('DESA SWARGA BARA');
    expect(html).toContain('SURAT KETERANGAN USAHA');
    expect(html).toContain(`Nomor: ${row.letterNumber}`);
    expect(html).toMatch(/<th scope="row">NIK<\/th><td>: 640804120390\d{4}<\/td>/);
    expect(html).toContain('Warung Berkah');
    expect(html).toContain('Sutrisno');
    const url = decodeQrSvg(svgOf(html));
    expect(url).toMatch(new RegExp(`^${ORIGIN}/verifikasi/v1-[0-9A-Z]{16}-[0-9A-Z]{16}$`));
    expect(url).toBe(doc.verifyUrl);
  });

  it('verifies: valid, then dicabut with date and reason after revocation; forged or altered codes are tidak dikenal', async () => {
    const deps = letterDeps();
    const row = await finishedLetter({ name: 'Budi Sutejo' });
    const doc = await letterDocument(deps, row, ORIGIN, NOW);
    const code = doc.verifyUrl!.split('/verifikasi/')[1]!;
    const valid = await verifyLetter(deps, code);
    expect(valid.state).toBe('valid');
    expect(valid.letter).toMatchObject({
      type: 'Surat Keterangan Usaha',
      number: row.letterNumber,
      region: 'Desa Swarga Bara',
      applicantName: 'B*** S*****',
      signatory: 'Sutrisno',
    });
    expect(valid.letter!.applicantNik).toMatch(/^\*{12}\d{4}$/);
    expect(JSON.stringify(valid)).not.toMatch(/640804120390/);

    const altered = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    const forged = `v1-${'7'.repeat(16)}-${'Q'.repeat(16)}`;
    const otherNonce = code.replace(/-(.{16})-/, (_, n: string) => `-${n.slice(0, -1)}${n.endsWith('0') ? '1' : '0'}-`);
    for (const bad of [altered, forged, otherNonce, 'v9' + code.slice(2), 'bukan-kode', ''])
      expect((await verifyLetter(deps, bad)).state, bad).toBe('tidak_dikenal');

    const fresh = (await findRequestById(deps.db, row.id))!;
    await applyLetterAction(deps, fresh, { type: 'cabut', reason: 'Data usaha tidak benar.' }, 'petugas', OFFICER, NOW + 120_000);
    const revoked = await verifyLetter(deps, code);
    expect(revoked.state).toBe('dicabut');
    expect(revoked.letter).toMatchObject({ revokedAt: NOW + 120_000, revokeReason: 'Data usaha tidak benar.' });
  });

  it('says tidak dikenal when a letter was altered in the database after issuing (the code is bound to it)', async () => {
    const deps = letterDeps();
    const row = await finishedLetter();
    const code = (await letterDocument(deps, row, ORIGIN, NOW)).verifyUrl!.split('/verifikasi/')[1]!;
    await env.DB.prepare('UPDATE letter_requests SET letter_number = ? WHERE id = ?').bind('470/999/DS-SB/XII/2026', row.id).run();
    expect((await verifyLetter(deps, code)).state).toBe('tidak_dikenal');
  });

  it('makes a small one-page PDF in the Worker', async () => {
    const row = await finishedLetter();
    const bytes = await renderLetterPdf(await letterDocument(letterDeps(), row, ORIGIN, NOW));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.byteLength).toBeLessThan(30 * 1024);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(`SURAT KETERANGAN USAHA ${row.letterNumber}`);
  });

  it('keeps every issued letter on its template version when Diskominfo edits the template', async () => {
    const deps = letterDeps();
    const before = await finishedLetter();
    const v1 = (await templateVersion(deps.db, 'sk-usaha', 1))!;
    const edited = TemplateContent.parse({ ...v1, title: 'Surat Keterangan Usaha Mikro', body: v1.body.replace('menjalankan usaha', 'mengelola usaha mikro') });
    const version = await saveTemplateVersion(deps.db, 'sk-usaha', edited, { userId: 'u-diskominfo', now: NOW + 1 });
    expect(version).toBe(2);
    const after = await finishedLetter();
    expect(after.templateVersion).toBe(2);
    const oldDoc = await letterDocument(deps, (await findRequestById(deps.db, before.id))!, ORIGIN, NOW);
    const newDoc = await letterDocument(deps, after, ORIGIN, NOW);
    expect(oldDoc.title).toBe('SURAT KETERANGAN USAHA');
    expect(JSON.stringify(oldDoc.blocks)).toContain('menjalankan usaha');
    expect(newDoc.title).toBe('SURAT KETERANGAN USAHA MIKRO');
    expect(JSON.stringify(newDoc.blocks)).toContain('mengelola usaha mikro');
    // Old versions are never rewritten.
    expect((await templateVersion(deps.db, 'sk-usaha', 1))!.title).toBe('Surat Keterangan Usaha');
  });
});
