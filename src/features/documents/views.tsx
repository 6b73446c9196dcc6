import type { FC } from 'hono/jsx';
import { hasNextPage, totalLabel, type BoundedTotal } from '../../db/bounded-count';
import { DOCUMENT_CATEGORIES, type DocumentCategory, type DocumentVersionRow } from '../../db/schema';
import { formatDate } from '../../lib/time';
import { formatBytes } from '../../lib/upload';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import { CATEGORY_LABELS, INFO_CATEGORY_LABELS, mimeWord } from './labels';
import type { PublicDocumentRow } from './repo';

export function documentHref(d: { regionPath: string; id: string }): string {
  return regionHref(d.regionPath, 'dokumen', d.id);
}

/** Download URL: the current version, or a given older version. */
export function downloadHref(d: { regionPath: string; id: string }, version?: number): string {
  return version ? regionHref(d.regionPath, 'dokumen', d.id, 'versi', String(version)) : regionHref(d.regionPath, 'dokumen', d.id, 'unduh');
}

const fileWords = (d: { currentMime: string | null; currentSize: number | null }) =>
  `${mimeWord(d.currentMime)}${d.currentSize ? `, ${formatBytes(d.currentSize)}` : ''}`;

export const DocumentList: FC<{ items: PublicDocumentRow[]; showRegion?: boolean }> = ({ items, showRegion }) => (
  <ul class="docs">
    {items.map((d) => (
      <li class="doc">
        <h3>
          <a href={documentHref(d)}>{d.title}</a>
        </h3>
        <p class="meta">
          <StatusTag tone="blue">{CATEGORY_LABELS[d.category]}</StatusTag> {d.year}
          {d.isDemo ? (
            <>
              {' '}
              <StatusTag tone="yellow">Contoh</StatusTag>
            </>
          ) : null}{' '}
          · {fileWords(d)}
          {showRegion ? <> · {regionTitle({ level: d.regionLevel, name: d.regionName })}</> : null}
        </p>
      </li>
    ))}
  </ul>
);

export const DocumentListView: FC<{
  title: string;
  base: string;
  items: PublicDocumentRow[];
  total: BoundedTotal;
  years: number[];
  filter: { kategori: 'semua' | DocumentCategory; tahun?: number; halaman: number };
  pageSize: number;
  showRegion: boolean;
}> = (p) => {
  const link = (page: number) => {
    const q = new URLSearchParams();
    if (p.filter.kategori !== 'semua') q.set('kategori', p.filter.kategori);
    if (p.filter.tahun) q.set('tahun', String(p.filter.tahun));
    q.set('halaman', String(page));
    return `${p.base}?${q}`;
  };
  return (
    <>
      <h1>{p.title}</h1>
      <p>SOP, LKJIP, Renstra, Renja, RKA, DPA, APBDes, peraturan dan laporan yang dibuka untuk publik. Unduhan gratis, tanpa pendaftaran.</p>
      <form class="filters" method="get" action={p.base}>
        <div>
          <label for="kategori">Kategori</label>
          <select id="kategori" name="kategori">
            <option value="semua">Semua</option>
            {DOCUMENT_CATEGORIES.map((k) => (
              <option value={k} selected={p.filter.kategori === k}>
                {CATEGORY_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="tahun">Tahun</label>
          <select id="tahun" name="tahun">
            <option value="">Semua</option>
            {p.years.map((y) => (
              <option value={String(y)} selected={p.filter.tahun === y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Tampilkan</button>
      </form>
      {p.items.length === 0 ? (
        <EmptyState>
          <p>Belum ada dokumen publik{p.filter.kategori !== 'semua' || p.filter.tahun ? ' yang cocok dengan saringan ini' : ' di wilayah ini'}.</p>
        </EmptyState>
      ) : (
        <>
          <p class="hint">{totalLabel(p.total)} dokumen.</p>
          <DocumentList items={p.items} showRegion={p.showRegion} />
        </>
      )}
      <Pagination
        prev={p.filter.halaman > 1 ? link(p.filter.halaman - 1) : undefined}
        next={hasNextPage(p.total, p.filter.halaman, p.pageSize) ? link(p.filter.halaman + 1) : undefined}
      />
    </>
  );
};

export const DocumentDetailView: FC<{ doc: PublicDocumentRow & { regionPath: string }; versions: DocumentVersionRow[] }> = ({ doc, versions }) => (
  <article class="article">
    <h1>{doc.title}</h1>
    <p class="meta">
      <StatusTag tone="blue">{CATEGORY_LABELS[doc.category]}</StatusTag> {doc.year}
      {doc.isDemo ? (
        <>
          {' '}
          <StatusTag tone="yellow">Contoh dokumen demo</StatusTag>
        </>
      ) : null}
    </p>
    {doc.description ? <p>{doc.description}</p> : null}
    <p>
      <a class="button" href={downloadHref(doc)} download>
        Unduh ({fileWords(doc)})
      </a>
    </p>
    <dl class="facts">
      <dt>Wilayah</dt>
      <dd>{regionTitle({ level: doc.regionLevel, name: doc.regionName })}</dd>
      <dt>Kategori informasi</dt>
      <dd>{INFO_CATEGORY_LABELS[doc.infoCategory]}</dd>
      {doc.responsibleUnit ? (
        <>
          <dt>Penanggung jawab</dt>
          <dd>{doc.responsibleUnit}</dd>
        </>
      ) : null}
      {doc.retentionPeriod ? (
        <>
          <dt>Jangka waktu penyimpanan</dt>
          <dd>{doc.retentionPeriod}</dd>
        </>
      ) : null}
      <dt>Diperbarui</dt>
      <dd>{formatDate(doc.updatedAt)}</dd>
    </dl>
    <details class="tech">
      <summary>Detail teknis</summary>
      <p>Sidik SHA-256 berkas ini (untuk memeriksa bahwa berkas yang Anda unduh tidak diubah):</p>
      <p>
        <code class="hash">{doc.currentSha256}</code>
      </p>
    </details>
    {versions.length > 1 ? (
      <section aria-labelledby="versi">
        <h2 id="versi">Riwayat versi</h2>
        <ol class="timeline" reversed>
          {versions.map((v) => (
            <li>
              <a href={downloadHref(doc, v.version)}>Versi {v.version}</a> · {formatDate(v.uploadedAt)} · {mimeWord(v.mime)}, {formatBytes(v.size)}
              {v.version === doc.currentVersion ? ' (terbaru)' : ''}
            </li>
          ))}
        </ol>
      </section>
    ) : null}
  </article>
);
