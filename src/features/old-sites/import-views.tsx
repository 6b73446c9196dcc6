import type { FC } from 'hono/jsx';
import { CsrfField } from '../../admin/render';
import type { ImportJobRow, ImportStatus, RegionLevel } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, type FormValues, valueOf } from '../../lib/forms';
import { formatDate, formatDateTime } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { EmptyState, ErrorSummary, Field, StatusTag, type TagTone } from '../../views/components';
import { RegionSelect, type RegionChoice } from './hosts-views';
import type { ImportPreview } from './preview';

const FORMAT_LABELS = { wxr: 'WordPress (WXR)', rss: 'RSS/Atom (Blogspot dan lainnya)', opensid: 'OpenSID (dump SQL atau CSV)' } as const;
const STATUS: Record<ImportStatus, [string, TagTone]> = {
  pratinjau: ['Pratinjau', 'grey'],
  berjalan: ['Berjalan', 'blue'],
  selesai: ['Selesai', 'green'],
  gagal: ['Gagal', 'red'],
  dibatalkan: ['Dibatalkan', 'grey'],
};
const OUTCOME_LABELS: Record<string, string> = { dibuat: 'Baru', diperbarui: 'Diperbarui', tetap: 'Tetap', dilewati: 'Dilewati', gagal: 'Gagal' };

export const ImportStatusTag: FC<{ status: ImportStatus }> = ({ status }) => <StatusTag tone={STATUS[status][1]}>{STATUS[status][0]}</StatusTag>;

interface JobListRow {
  job: ImportJobRow;
  regionName: string;
  regionLevel: RegionLevel;
}

export const ImportListView: FC<{ csrf: string; jobs: JobListRow[]; regions: RegionChoice[]; errors?: FieldError[]; values?: FormValues }> = ({
  csrf,
  jobs,
  regions,
  errors,
  values,
}) => (
  <>
    <h1>Impor konten situs lama</h1>
    <p>
      Berita, halaman, gambar dan dokumen situs lama desa atau kecamatan dipindahkan ke wilayahnya di portal, dengan tanggal dan nama penulis aslinya. Setiap
      alamat lama dialihkan ke halaman barunya. Impor yang sama boleh dijalankan lagi: yang sudah ada diperbarui, tidak digandakan.{' '}
      <a href="/admin/situs-lama">Nama host situs lama</a>
    </p>
    <h2 id="baru">Impor baru</h2>
    <ErrorSummary errors={errors ?? []} fieldIds={{ region_code: 'imp-region', format: 'imp-format-wxr', file: 'imp-file', site_url: 'imp-site' }} />
    <form method="post" action="/admin/impor" enctype="multipart/form-data" aria-labelledby="baru">
      <CsrfField token={csrf} />
      <Field id="imp-region" label="Wilayah tujuan" error={errorFor(errors, 'region_code')}>
        {(d) => <RegionSelect id="imp-region" name="region_code" regions={regions} value={valueOf(values, 'region_code')} describedBy={d} />}
      </Field>
      <fieldset class="checks">
        <legend>Format ekspor</legend>
        {errorFor(errors, 'format') ? <p class="error-message">{errorFor(errors, 'format')}</p> : null}
        {(Object.keys(FORMAT_LABELS) as Array<keyof typeof FORMAT_LABELS>).map((f) => (
          <label for={`imp-format-${f}`}>
            <input type="radio" id={`imp-format-${f}`} name="format" value={f} checked={valueOf(values, 'format') === f} /> {FORMAT_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <Field
        id="imp-file"
        label="Berkas ekspor"
        hint="WordPress: Alat → Ekspor. Blogspot: Setelan → Cadangkan konten, atau umpan RSS. OpenSID: dump SQL tabel artikel dan dokumen, atau CSV-nya (boleh beberapa berkas). Tabel kependudukan ditolak."
        error={errorFor(errors, 'file')}
      >
        {(d) => <input id="imp-file" name="file" type="file" multiple accept=".xml,.sql,.csv,.txt,.rss,.atom" aria-describedby={d} />}
      </Field>
      <Field
        id="imp-site"
        label="Alamat situs lama (tidak wajib untuk WordPress dan RSS)"
        hint="Gambar dan berkas diambil dari sini, mis. https://swargabara.desa.id. Kosong: dari berkas ekspor atau nama host wilayah."
        error={errorFor(errors, 'site_url')}
      >
        {(d) => <input id="imp-site" name="site_url" type="url" value={valueOf(values, 'site_url')} aria-describedby={d} />}
      </Field>
      <div class="checks">
        <label for="imp-publish">
          <input type="checkbox" id="imp-publish" name="publish_directly" value="1" checked={valueOf(values, 'publish_directly') === '1'} /> Terbitkan langsung
          (tanpa tinjauan). Tanpa centang: wilayah mandiri langsung terbit, wilayah lain menunggu tinjauan.
        </label>
      </div>
      <button type="submit">Baca berkas dan tampilkan pratinjau</button>
    </form>
    <h2>Impor sebelumnya</h2>
    {jobs.length === 0 ? (
      <EmptyState>
        <p>Belum ada impor.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Wilayah</th>
            <th scope="col">Format</th>
            <th scope="col">Status</th>
            <th scope="col">Kemajuan</th>
            <th scope="col">Dibuat</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr>
              <td data-label="Wilayah">
                <a href={`/admin/impor/${j.job.id}`}>{regionTitle({ level: j.regionLevel, name: j.regionName })}</a>
              </td>
              <td data-label="Format">{FORMAT_LABELS[j.job.format]}</td>
              <td data-label="Status">
                <ImportStatusTag status={j.job.status} />
              </td>
              <td data-label="Kemajuan">
                {j.job.cursor} dari {j.job.total}
              </td>
              <td data-label="Dibuat">{formatDateTime(j.job.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);

/** Progress of a running import; with htmx it asks for the next chunk by itself, without JavaScript a button does. */
export const ImportProgress: FC<{ job: ImportJobRow; csrf: string }> = ({ job, csrf }) => {
  const counts = JSON.parse(job.countsJson) as Record<string, number>;
  const pct = job.total ? Math.floor((job.cursor / job.total) * 100) : 100;
  return (
    <section id="kemajuan" aria-live="polite" aria-labelledby="kemajuan-judul">
      <h2 id="kemajuan-judul">Kemajuan</h2>
      <p>
        <ImportStatusTag status={job.status} /> {job.cursor} dari {job.total} item ({pct}%)
      </p>
      <progress max={job.total} value={job.cursor} aria-label="Kemajuan impor">
        {pct}%
      </progress>
      <ul class="inline-list">
        {['dibuat', 'diperbarui', 'tetap', 'dilewati', 'gagal'].map((k) => (
          <li>
            {OUTCOME_LABELS[k]}: {counts[k] ?? 0}
          </li>
        ))}
        <li>Gambar disimpan: {counts.gambar ?? 0}</li>
        <li>Alamat lama dialihkan: {counts.pengalihan ?? 0}</li>
      </ul>
      {job.status === 'berjalan' ? (
        <form
          method="post"
          action={`/admin/impor/${job.id}/lanjut`}
          hx-post={`/admin/impor/${job.id}/lanjut`}
          hx-trigger="load delay:300ms"
          hx-target="#kemajuan"
          hx-swap="outerHTML"
        >
          <CsrfField token={csrf} />
          <p class="hint">Impor berjalan per bagian. Bila halaman ini ditutup, impor dilanjutkan oleh tugas terjadwal tiap jam, atau dari sini.</p>
          <button type="submit">Lanjutkan impor</button>
        </form>
      ) : null}
      {job.status === 'selesai' ? (
        <p>
          <a href={`/admin/impor/${job.id}`}>Muat ulang untuk melihat laporan lengkap</a>
        </p>
      ) : null}
    </section>
  );
};

export const ImportDetailView: FC<{
  csrf: string;
  job: ImportJobRow;
  regionName: string;
  regionLevel: RegionLevel;
  report: Array<{ seq: number; title: string; outcome: string; reason: string | null; target: string | null }>;
}> = ({ csrf, job, regionName, regionLevel, report }) => {
  const preview = JSON.parse(job.previewJson) as ImportPreview;
  return (
    <>
      <h1>
        Impor {FORMAT_LABELS[job.format]} ke {regionTitle({ level: regionLevel, name: regionName })}
      </h1>
      <p>
        Berkas: {job.sourceName}. Situs lama: {job.siteUrl || '—'}. {job.publishDirectly ? 'Terbit langsung.' : 'Terbit menurut tahap wilayah.'}
      </p>
      <h2>Pratinjau</h2>
      <ul class="inline-list">
        <li>Berita: {preview.counts.berita}</li>
        <li>Halaman: {preview.counts.halaman}</li>
        <li>Dokumen: {preview.counts.dokumen}</li>
        <li>Gambar: {preview.counts.gambar}</li>
        <li>Alamat lama: {preview.counts.alamat_lama}</li>
      </ul>
      {preview.sample.length ? (
        <details>
          <summary>Contoh tulisan ({preview.sample.length})</summary>
          <ul>
            {preview.sample.map((s) => (
              <li>
                {s.title} — {formatDate(s.publishedAt)}
                {s.type === 'halaman' ? ' (halaman)' : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <h3>Masalah saat membaca berkas ({preview.problems.length})</h3>
      {preview.problems.length === 0 ? (
        <p>Tidak ada.</p>
      ) : (
        <ul>
          {preview.problems.map((p) => (
            <li>
              {p.item ? <strong>{p.item}: </strong> : null}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {job.status === 'pratinjau' ? (
        <div class="actions">
          <form method="post" action={`/admin/impor/${job.id}/mulai`} class="inline">
            <CsrfField token={csrf} />
            <button type="submit">Mulai impor {job.total} item</button>
          </form>
          <form method="post" action={`/admin/impor/${job.id}/batal`} class="inline">
            <CsrfField token={csrf} />
            <button type="submit" class="button-secondary">
              Batalkan
            </button>
          </form>
        </div>
      ) : (
        <ImportProgress job={job} csrf={csrf} />
      )}
      {job.error ? <p class="error-message">{job.error}</p> : null}
      {job.status !== 'pratinjau' ? (
        <>
          <h2>Laporan: yang dilewati, gagal, baru dan diperbarui</h2>
          {report.length === 0 ? (
            <p>Belum ada item yang berubah.</p>
          ) : (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">No.</th>
                  <th scope="col">Item</th>
                  <th scope="col">Hasil</th>
                  <th scope="col">Keterangan</th>
                </tr>
              </thead>
              <tbody>
                {report.map((r) => (
                  <tr>
                    <td data-label="No.">{r.seq + 1}</td>
                    <td data-label="Item">{r.target ? <a href={r.target}>{r.title}</a> : r.title}</td>
                    <td data-label="Hasil">{OUTCOME_LABELS[r.outcome] ?? r.outcome}</td>
                    <td data-label="Keterangan">{r.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </>
  );
};
