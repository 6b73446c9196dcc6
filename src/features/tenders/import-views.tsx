import type { FC } from 'hono/jsx';
import { CsrfField } from '../../admin/render';
import type { TenderImportRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { ErrorSummary, Field, StatusTag } from '../../views/components';
import { COLUMN_NAMES } from './import-csv';
import type { ImportError } from './import-csv';
import { IMPORT_CHUNK } from './import-service';

const SHOWN_ERRORS = 200;
const SOURCE_WORD = { spse: 'SPSE', sirup: 'SiRUP' } as const;
const STATUS_WORD = { pratinjau: 'Pratinjau', berjalan: 'Sedang diimpor', selesai: 'Selesai' } as const;

export const ImportFormView: FC<{ csrf: string; errors?: FieldError[]; recent: TenderImportRow[] }> = (p) => (
  <>
    <h1>Impor CSV SiRUP/SPSE</h1>
    <p>
      Unggah berkas CSV hasil ekspor SiRUP (rencana umum pengadaan) atau SPSE (daftar tender). Kolom dikenali dari judulnya, urutan bebas, kolom lain diabaikan.
      Anda melihat pratinjau dan kesalahan per baris lebih dulu; impor baru berjalan setelah Anda menyetujuinya. Mengimpor berkas yang sama lagi tidak mengubah
      apa pun.
    </p>
    <form method="post" action="/admin/lelang/impor" enctype="multipart/form-data">
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={p.errors ?? []} />
      <Field
        id="file"
        label="Berkas CSV"
        hint="Paling besar 5 MB atau 20.000 baris. Dari Excel: Simpan Sebagai → CSV UTF-8."
        error={p.errors?.find((e) => e.field === 'file')?.message}
      >
        {(d) => <input id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby={d} />}
      </Field>
      <button type="submit">Periksa berkas</button>
    </form>
    <details>
      <summary>Kolom yang dikenali</summary>
      <dl class="facts">
        <dt>SiRUP (wajib)</dt>
        <dd>Kode RUP, Nama Paket, Satuan Kerja, Tahun Anggaran, Pagu</dd>
        <dt>SPSE (wajib)</dt>
        <dd>Kode Tender, Nama Paket, Satuan Kerja</dd>
        <dt>Lainnya</dt>
        <dd>
          {[COLUMN_NAMES.location, COLUMN_NAMES.funding, COLUMN_NAMES.method, COLUMN_NAMES.type, COLUMN_NAMES.hps, COLUMN_NAMES.window, COLUMN_NAMES.stage]
            .map((names) => names[0])
            .join(', ')}
          , Nama Pemenang, Nilai Kontrak, URL, Kode Wilayah
        </dd>
      </dl>
    </details>
    {p.recent.length ? (
      <section aria-labelledby="impor-terakhir">
        <h2 id="impor-terakhir">Impor terakhir</h2>
        <ul>
          {p.recent.map((r) => (
            <li>
              <a href={`/admin/lelang/impor/${r.id}`}>
                {SOURCE_WORD[r.source]} · {r.fileName}
              </a>{' '}
              · {formatDateTime(r.createdAt)} · {STATUS_WORD[r.status]}
            </li>
          ))}
        </ul>
      </section>
    ) : null}
  </>
);

/** The preview and, once started, the progress of an import (this section is also the htmx fragment). */
export const ImportProgress: FC<{ csrf: string; imp: TenderImportRow }> = ({ csrf, imp }) => {
  const left = imp.validRows - imp.cursor;
  const action = `/admin/lelang/impor/${imp.id}/jalankan`;
  return (
    <section id="impor-progres" aria-live="polite">
      <dl class="facts">
        <dt>Baris data</dt>
        <dd>{imp.totalRows.toLocaleString('id-ID')}</dd>
        <dt>Baris benar</dt>
        <dd>{imp.validRows.toLocaleString('id-ID')}</dd>
        <dt>Baris salah (dilewati)</dt>
        <dd>{imp.errorRows.toLocaleString('id-ID')}</dd>
        <dt>Paket baru</dt>
        <dd>{imp.createdCount.toLocaleString('id-ID')}</dd>
        <dt>Paket berubah</dt>
        <dd>{imp.changedCount.toLocaleString('id-ID')}</dd>
        <dt>Paket sama (tidak diubah)</dt>
        <dd>{imp.unchangedCount.toLocaleString('id-ID')}</dd>
      </dl>
      {imp.status === 'selesai' ? (
        <p class="success" role="status">
          Impor selesai: {imp.validRows.toLocaleString('id-ID')} baris diproses. <a href={`/admin/lelang?sumber=${imp.source}`}>Lihat paket</a>
        </p>
      ) : imp.validRows === 0 ? (
        <p class="callout">Tidak ada baris yang benar untuk diimpor. Perbaiki berkasnya lalu unggah lagi.</p>
      ) : (
        <form
          method="post"
          action={action}
          {...(imp.status === 'berjalan'
            ? { 'hx-post': action, 'hx-trigger': 'load delay:300ms', 'hx-target': '#impor-progres', 'hx-swap': 'outerHTML', 'hx-select': '#impor-progres' }
            : {})}
        >
          <CsrfField token={csrf} />
          {imp.status === 'berjalan' ? (
            <p>
              <StatusTag tone="blue">Sedang diimpor</StatusTag> {imp.cursor.toLocaleString('id-ID')} dari {imp.validRows.toLocaleString('id-ID')} baris (
              {left.toLocaleString('id-ID')} lagi, {IMPORT_CHUNK} baris per langkah).
            </p>
          ) : null}
          <button type="submit">{imp.status === 'berjalan' ? 'Lanjutkan impor' : `Impor ${imp.validRows.toLocaleString('id-ID')} baris yang benar`}</button>
        </form>
      )}
    </section>
  );
};

export const ImportPreviewView: FC<{ csrf: string; imp: TenderImportRow; errors: ImportError[] }> = ({ csrf, imp, errors }) => (
  <>
    <h1>
      Impor {SOURCE_WORD[imp.source]}: {imp.fileName}
    </h1>
    <p class="meta">
      Diperiksa {formatDateTime(imp.createdAt)} · {STATUS_WORD[imp.status]}
    </p>
    <ImportProgress csrf={csrf} imp={imp} />
    {errors.length ? (
      <section aria-labelledby="baris-salah">
        <h2 id="baris-salah">Baris yang salah</h2>
        <p>Baris dihitung seperti di spreadsheet (baris judul = baris 1). Baris ini tidak diimpor; perbaiki di berkas lalu unggah lagi.</p>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Baris</th>
              <th scope="col">Kesalahan</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN_ERRORS).map((e) => (
              <tr>
                <td data-label="Baris">{e.row}</td>
                <td data-label="Kesalahan">{e.messages.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {errors.length > SHOWN_ERRORS ? <p class="hint">Dan {errors.length - SHOWN_ERRORS} baris salah lainnya.</p> : null}
      </section>
    ) : null}
  </>
);
