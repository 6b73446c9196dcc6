/**
 * The letter as a PDF, made in the Worker with @cantoo/pdf-lib (the maintained fork of pdf-lib): A4, the PDF
 * standard Times fonts (nothing embedded, so a letter is a few KB — cheap on 2G), the emblem and the QR code as
 * vector paths. Same LetterDocument as the HTML page.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import type { LetterDocument } from './letter-model';
import { qrMatrix } from './qr';

const MM = 72 / 25.4;
const A4: [number, number] = [210 * MM, 297 * MM];
const MARGIN_X = 20 * MM;
const MARGIN_TOP = 18 * MM;
const SIZE = 11.5;

/** Characters the standard fonts (WinAnsi) can show; anything else becomes '?' instead of failing the whole letter. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function printable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (ch === '\t' || ch === '\n') out += ' ';
    else if ((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (c >= 0x300 && c <= 0x36f) continue;
    else out += '?';
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of printable(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

class Cursor {
  y: number;
  constructor(
    private page: PDFPage,
    private fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.y = A4[1] - MARGIN_TOP;
  }
  text(s: string, opts: { x?: number; width?: number; bold?: boolean; size?: number; center?: boolean; gap?: number } = {}) {
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const size = opts.size ?? SIZE;
    const x0 = opts.x ?? MARGIN_X;
    const width = opts.width ?? A4[0] - 2 * MARGIN_X;
    for (const line of wrap(s, font, size, width)) {
      const w = font.widthOfTextAtSize(line, size);
      this.page.drawText(line, { x: opts.center ? x0 + (width - w) / 2 : x0, y: this.y - size, size, font });
      this.y -= size * 1.45;
    }
    this.y -= opts.gap ?? 0;
  }
}

/** The emblem of public/icons/logo.svg, drawn as vectors (32-unit viewBox). */
function drawEmblem(page: PDFPage, x: number, yTop: number, size: number) {
  const s = size / 32;
  page.drawRectangle({ x, y: yTop - size, width: size, height: size, color: rgb(0.043, 0.365, 0.231) });
  page.drawSvgPath('M6 24 13 9l5 10 3-5 5 10z', { x, y: yTop, scale: s, color: rgb(1, 0.749, 0.278) });
  page.drawCircle({ x: x + 23 * s, y: yTop - 9 * s, size: 3 * s, color: rgb(1, 1, 1) });
}

function drawQr(page: PDFPage, url: string, x: number, yTop: number, size: number) {
  const { size: modules, runs } = qrMatrix(url);
  const path = runs.map(([rx, ry, n]) => `M${rx} ${ry}h${n}v1h-${n}z`).join('');
  page.drawRectangle({ x, y: yTop - size, width: size, height: size, color: rgb(1, 1, 1) });
  page.drawSvgPath(path, { x, y: yTop, scale: size / modules, color: rgb(0, 0, 0) });
}

export async function renderLetterPdf(doc: LetterDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(`${doc.title}${doc.number ? ` ${doc.number}` : ''}`));
  pdf.setCreator('Portal Desa & Kecamatan');
  pdf.setProducer('@cantoo/pdf-lib');
  const page = pdf.addPage(A4);
  const fonts = { regular: await pdf.embedFont(StandardFonts.TimesRoman), bold: await pdf.embedFont(StandardFonts.TimesRomanBold) };
  const c = new Cursor(page, fonts);
  const contentWidth = A4[0] - 2 * MARGIN_X;

  // Kop surat: emblem left, lines centred, a double rule under it.
  const emblem = 20 * MM;
  drawEmblem(page, MARGIN_X, c.y, emblem);
  const top = c.y;
  for (const [i, line] of doc.kop.entries()) {
    c.text(line, { bold: true, size: i === doc.kop.length - 1 ? 14 : 12, center: true, x: MARGIN_X + emblem, width: contentWidth - emblem });
  }
  if (doc.officeLine) c.text(doc.officeLine, { size: 9, center: true, x: MARGIN_X + emblem, width: contentWidth - emblem });
  c.y = Math.min(c.y, top - emblem) - 4;
  page.drawLine({ start: { x: MARGIN_X, y: c.y }, end: { x: A4[0] - MARGIN_X, y: c.y }, thickness: 1.5 });
  page.drawLine({ start: { x: MARGIN_X, y: c.y - 2.5 }, end: { x: A4[0] - MARGIN_X, y: c.y - 2.5 }, thickness: 0.5 });
  c.y -= 16;

  c.text(doc.title, { bold: true, size: 12.5, center: true });
  c.text(`Nomor: ${doc.number ?? '...'}`, { center: true, gap: 10 });
  for (const block of doc.blocks) {
    if (block.kind === 'text') {
      c.text(block.text, { gap: 6 });
      continue;
    }
    for (const [label, value] of doc.identity) {
      const y = c.y;
      c.text(label, { x: MARGIN_X + 24, width: 120 });
      const after = c.y;
      c.y = y;
      c.text(`: ${value}`, { x: MARGIN_X + 150, width: contentWidth - 150 });
      c.y = Math.min(c.y, after);
    }
    c.y -= 6;
  }
  c.text(doc.closing, { gap: 18 });

  // Signature block right, QR code left.
  const sigX = A4[0] - MARGIN_X - 75 * MM;
  const blockTop = c.y;
  c.text(doc.placeAndDate, { x: sigX, width: 75 * MM, center: true });
  c.text(doc.signatory.position, { x: sigX, width: 75 * MM, center: true });
  c.y -= 22 * MM;
  if (doc.signMethod === 'pindaian') page.drawText('(tanda tangan pada pindaian)', { x: sigX + 12 * MM, y: c.y + 10 * MM, size: 8, font: fonts.regular });
  c.text(doc.signatory.name || '(nama penandatangan)', { x: sigX, width: 75 * MM, center: true, bold: true });
  if (doc.signatory.nip) c.text(`NIP. ${doc.signatory.nip}`, { x: sigX, width: 75 * MM, center: true });
  if (doc.verifyUrl) {
    drawQr(page, doc.verifyUrl, MARGIN_X, blockTop, 32 * MM);
    page.drawText('Pindai untuk memeriksa keaslian surat.', { x: MARGIN_X, y: blockTop - 32 * MM - 10, size: 7, font: fonts.regular });
    page.drawText(printable(doc.verifyUrl), { x: MARGIN_X, y: Math.min(c.y, blockTop - 32 * MM - 14) - 12, size: 7, font: fonts.regular });
  }
  if (doc.draft) {
    page.drawText('PRATINJAU', { x: 150, y: 300, size: 72, font: fonts.bold, color: rgb(0.85, 0.85, 0.85), opacity: 0.5 });
  }
  return pdf.save();
}
