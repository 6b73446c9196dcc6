/**
 * The letter as an A4, print-ready HTML page (kop surat with the regency's emblem and the office, title, number, body
 * with the identity table, signature block and the QR code for verification). Its own small stylesheet
 * (public/css/surat.css, print rules included); no script. Plain props, never the Hono context.
 */
import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { LetterDocument } from './letter-model';
import { qrSvg } from './qr';

export const LetterBody: FC<{ doc: LetterDocument }> = ({ doc }) => (
  <article class={doc.draft ? 'surat draf' : 'surat'} aria-label={doc.title}>
    <header class="kop">
      <img src="/icons/logo.svg" alt="Lambang daerah" width="72" height="72" />
      <div>
        {doc.kop.map((line, i) => (i === doc.kop.length - 1 ? <p class="kop-utama">{line}</p> : <p>{line}</p>))}
        {doc.officeLine ? <p class="kop-alamat">{doc.officeLine}</p> : null}
      </div>
    </header>
    <h1 class="judul">{doc.title}</h1>
    <p class="nomor">Nomor: {doc.number ?? '… (diberikan saat penomoran)'}</p>
    {doc.blocks.map((b) =>
      b.kind === 'identity' ? (
        <table class="identitas">
          <tbody>
            {doc.identity.map(([label, value]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>: {value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{b.text}</p>
      ),
    )}
    <p>{doc.closing}</p>
    <div class="pengesahan">
      <div class="qr">
        {doc.verifyUrl ? (
          <>
            {raw(qrSvg(doc.verifyUrl, 'Kode QR verifikasi surat'))}
            <p>Pindai untuk memeriksa keaslian surat ini.</p>
          </>
        ) : null}
      </div>
      <div class="ttd">
        <p>{doc.placeAndDate}</p>
        <p>{doc.signatory.position}</p>
        <p class="ruang-ttd">{doc.signMethod === 'pindaian' ? '(tanda tangan pada pindaian terlampir)' : ''}</p>
        <p class="nama-ttd">{doc.signatory.name || '(nama penandatangan)'}</p>
        {doc.signatory.nip ? <p>NIP. {doc.signatory.nip}</p> : null}
      </div>
    </div>
    {doc.verifyUrl ? <p class="verifikasi-url">Verifikasi: {doc.verifyUrl}</p> : null}
  </article>
);

/** A whole page holding one letter (print it, or save it as PDF from the browser). */
export const LetterPage: FC<{ doc: LetterDocument; assetVersion: string; pdfHref?: string }> = ({ doc, assetVersion, pdfHref }) => (
  <>
    {raw('<!doctype html>')}
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${doc.title}${doc.number ? ` ${doc.number}` : ''}`}</title>
        <link rel="stylesheet" href={`/css/surat.css?v=${assetVersion}`} />
      </head>
      <body>
        {pdfHref ? (
          <p class="aksi-cetak">
            <a href={pdfHref}>Unduh PDF</a> · gunakan menu Cetak peramban untuk mencetak.
          </p>
        ) : null}
        <LetterBody doc={doc} />
      </body>
    </html>
  </>
);

/** The letter's markup alone (for tests and for embedding in other pages). */
export function letterBodyHtml(doc: LetterDocument): string {
  return String(<LetterBody doc={doc} />);
}
