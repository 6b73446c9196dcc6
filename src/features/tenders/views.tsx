import type { FC } from 'hono/jsx';
import { REGENCY } from '../../config';
import { TENDER_SOURCES, TENDER_STATUSES, TENDER_TYPES, type TenderFileRow } from '../../db/schema';
import type { BoundaryGeometry } from '../../lib/geometry';
import { formatDate } from '../../lib/time';
import { formatBytes } from '../../lib/upload';
import { regionTitle } from '../../regions/labels';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import { SvgMap } from '../../views/svg-map';
import { METHOD_LABELS, SOURCE_LABELS, STATUS_LABELS, STATUS_TONES, TYPE_LABELS } from './labels';
import { fileHref, period, rupiahOrDash, stageNow, tenderHref } from './present';
import type { LocationRegion, PublicTenderRow } from './repo';
import { parseSchedule } from './schedule';
import type { PublicTenderListFilter } from './schemas';
import { TenderTimeline } from './timeline';

type TenderView = Omit<PublicTenderRow, 'nextDeadline'>;

const DemoTag: FC<{ on: boolean }> = ({ on }) =>
  on ? (
    <>
      {' '}
      <StatusTag tone="yellow">Contoh</StatusTag>
    </>
  ) : null;

const StageLine: FC<{ t: TenderView; now: number }> = ({ t, now }) => {
  const stage = stageNow({ ...t, schedule: parseSchedule(t.scheduleJson) }, now);
  return stage ? (
    <p>
      <strong>Tahap:</strong> {stage.label}
      {stage.when ? <> — {stage.when}</> : null}
    </p>
  ) : null;
};

/** Package rows as stacked cards: name, owner, pagu, status, the stage under way and its time left. */
export const TenderList: FC<{ items: TenderView[]; now: number; showRegion?: boolean; headingLevel?: 2 | 3 }> = ({ items, now, showRegion, headingLevel }) => (
  <ul class="tenders">
    {items.map((t) => (
      <li class="tender">
        {headingLevel === 2 ? (
          <h2>
            <a href={tenderHref(t)}>{t.name}</a>
          </h2>
        ) : (
          <h3>
            <a href={tenderHref(t)}>{t.name}</a>
          </h3>
        )}
        <p class="meta">
          <StatusTag tone={STATUS_TONES[t.status]}>{STATUS_LABELS[t.status]}</StatusTag> {SOURCE_LABELS[t.source]}
          {t.fiscalYear ? ` ${t.fiscalYear}` : ''}
          <DemoTag on={t.isDemo} />
        </p>
        <p>
          {t.ownerName}
          {showRegion && t.regionPath !== '' ? <> · {regionTitle({ level: t.regionLevel, name: t.regionName })}</> : null} · Pagu{' '}
          <strong>{rupiahOrDash(t.pagu)}</strong>
        </p>
        <StageLine t={t} now={now} />
      </li>
    ))}
  </ul>
);

const STATUS_FILTER = [{ value: 'buka', label: 'Sedang dibuka (pendaftaran)' }, ...TENDER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))];

export const TenderListView: FC<{
  title: string;
  regionName: string;
  base: string;
  feedHref: string;
  items: PublicTenderRow[];
  total: number;
  years: number[];
  filter: PublicTenderListFilter;
  pageSize: number;
  showRegion: boolean;
  now: number;
}> = (p) => {
  const filtered = p.filter.tahun !== undefined || p.filter.status !== 'semua' || p.filter.jenis !== 'semua' || p.filter.sumber !== 'semua';
  const link = (page: number) => {
    const q = new URLSearchParams();
    if (p.filter.tahun !== undefined) q.set('tahun', String(p.filter.tahun));
    for (const k of ['status', 'jenis', 'sumber'] as const) if (p.filter[k] !== 'semua') q.set(k, p.filter[k]);
    q.set('halaman', String(page));
    return `${p.base}?${q}`;
  };
  return (
    <>
      <h1>{p.title}</h1>
      <p>
        Apa yang dibeli dan dibangun di {p.regionName}, oleh siapa, berapa nilainya dan kapan: paket lelang kabupaten (SPSE), rencana pengadaan (SiRUP) dan
        pengadaan desa. Urut menurut batas waktu terdekat.
      </p>
      <form class="filters" method="get" action={p.base}>
        <Select
          id="tahun"
          label="Tahun anggaran"
          value={p.filter.tahun === undefined ? '' : String(p.filter.tahun)}
          options={p.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Select id="status" label="Status" value={p.filter.status} options={STATUS_FILTER} all="semua" />
        <Select
          id="jenis"
          label="Jenis pengadaan"
          value={p.filter.jenis}
          options={TENDER_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
          all="semua"
        />
        <Select id="sumber" label="Sumber" value={p.filter.sumber} options={TENDER_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} all="semua" />
        <button type="submit">Tampilkan</button>
      </form>
      {p.items.length === 0 ? (
        <EmptyState>
          <p>Belum ada paket pengadaan{filtered ? ' yang cocok dengan saringan ini' : ` di ${p.regionName}`}.</p>
          <p>
            Lelang Pemerintah {REGENCY.name} yang lengkap ada di <a href={REGENCY.lpseUrl}>LPSE {REGENCY.name}</a>. Pengadaan desa diumumkan juga di papan
            pengumuman kantor desa.
          </p>
        </EmptyState>
      ) : (
        <>
          <p class="hint">{p.total.toLocaleString('id-ID')} paket.</p>
          <TenderList items={p.items} now={p.now} showRegion={p.showRegion} headingLevel={2} />
        </>
      )}
      <Pagination
        prev={p.filter.halaman > 1 ? link(p.filter.halaman - 1) : undefined}
        next={p.filter.halaman * p.pageSize < p.total ? link(p.filter.halaman + 1) : undefined}
      />
      <p>
        <a href={p.feedHref}>Langganan RSS paket pengadaan</a> · <a href={REGENCY.lpseUrl}>LPSE {REGENCY.name}</a>
      </p>
    </>
  );
};

const Select: FC<{ id: string; label: string; value: string; options: Array<{ value: string; label: string }>; all?: string }> = (p) => (
  <div>
    <label for={p.id}>{p.label}</label>
    <select id={p.id} name={p.id}>
      <option value={p.all ?? ''}>Semua</option>
      {p.options.map((o) => (
        <option value={o.value} selected={p.value === o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

export interface LocationMapData {
  region: { name: string; level: LocationRegion['level']; bbox: [number, number, number, number]; boundary: BoundaryGeometry };
  point: { lat: number; lng: number } | null;
}

const Fact: FC<{ label: string; value: string | null | undefined }> = ({ label, value }) =>
  value ? (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  ) : null;

export const TenderDetailView: FC<{ t: TenderView; locations: LocationRegion[]; files: TenderFileRow[]; map: LocationMapData | null; now: number }> = ({
  t,
  locations,
  files,
  map,
  now,
}) => {
  const schedule = parseSchedule(t.scheduleJson);
  const regions = locations.length ? locations.map((l) => regionTitle(l)).join(', ') : null;
  const where = regions ?? (t.locationText || regionTitle({ level: t.regionLevel, name: t.regionName }));
  return (
    <article class="article tender-detail">
      <h1>{t.name}</h1>
      <p class="meta">
        <StatusTag tone={STATUS_TONES[t.status]}>{STATUS_LABELS[t.status]}</StatusTag> {SOURCE_LABELS[t.source]}
        <DemoTag on={t.isDemo} />
      </p>
      <StageLine t={t} now={now} />
      {t.description ? <p class="prose-text">{t.description}</p> : null}
      <dl class="facts">
        <Fact label="Pemilik paket" value={t.ownerName} />
        <Fact label="Pagu anggaran" value={rupiahOrDash(t.pagu)} />
        <Fact label="HPS" value={t.hps === null ? null : rupiahOrDash(t.hps)} />
        <Fact label="Jenis pengadaan" value={t.procurementType ? TYPE_LABELS[t.procurementType] : null} />
        <Fact label="Metode" value={t.method ? METHOD_LABELS[t.method] : null} />
        <Fact label="Tahun anggaran" value={t.fiscalYear === null ? null : String(t.fiscalYear)} />
        <Fact label="Sumber dana" value={t.fundingSource} />
        <Fact label="Lokasi" value={where} />
        <Fact label="Keterangan lokasi" value={regions && t.locationText ? t.locationText : null} />
      </dl>
      <section aria-labelledby="jadwal">
        <h2 id="jadwal">Jadwal</h2>
        {schedule.length ? (
          <TenderTimeline schedule={schedule} now={now} />
        ) : (
          <p>
            Jadwal rinci belum dicatat di portal.{t.stageLabel ? ` Tahap menurut sumber: ${t.stageLabel}.` : ''}
            {t.sourceUrl ? ' Lihat jadwal di sumber data (tautan di bawah).' : ''}
          </p>
        )}
      </section>
      {t.winnerName || t.contractValue !== null ? (
        <section aria-labelledby="pemenang">
          <h2 id="pemenang">Pemenang dan kontrak</h2>
          <dl class="facts">
            <Fact label="Pemenang" value={t.winnerName} />
            <Fact label="Nilai kontrak" value={t.contractValue === null ? null : rupiahOrDash(t.contractValue)} />
            <Fact label="Masa kontrak" value={t.contractStartAt !== null || t.contractEndAt !== null ? period(t.contractStartAt, t.contractEndAt) : null} />
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="berkas">
        <h2 id="berkas">Dokumen paket</h2>
        {files.length ? (
          <ul class="docs">
            {files.map((f) => (
              <li class="doc">
                <a href={fileHref(t, f.id)} download>
                  {f.title}
                </a>{' '}
                <span class="meta">
                  ({f.ext.toUpperCase()}, {formatBytes(f.size)})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>Belum ada dokumen yang diunggah untuk paket ini.</p>
        )}
      </section>
      <section aria-labelledby="lokasi">
        <h2 id="lokasi">Lokasi</h2>
        <p>{where}</p>
        {map ? (
          <SvgMap
            id="peta-paket"
            title={`Lokasi paket di ${regionTitle(map.region)}`}
            region={{ name: regionTitle(map.region), boundary: map.region.boundary, bbox: map.region.bbox }}
            children={[]}
            places={map.point ? [{ name: t.name, lat: map.point.lat, lng: map.point.lng, category: 'lelang' }] : []}
          />
        ) : null}
      </section>
      {t.sourceUrl ? (
        <p>
          <a href={t.sourceUrl} rel="noopener noreferrer external">
            Lihat paket ini di sumber data ({SOURCE_LABELS[t.source]})
          </a>
        </p>
      ) : null}
      <details>
        <summary>Detail teknis</summary>
        <dl class="facts">
          <Fact label={t.source === 'sirup' ? 'Kode RUP' : t.source === 'spse' ? 'Kode tender' : 'Nomor paket'} value={t.externalCode} />
          <Fact label="Koordinat" value={t.lat !== null && t.lng !== null ? `${t.lat}, ${t.lng}` : null} />
          <Fact label="Diperbarui" value={formatDate(t.updatedAt)} />
        </dl>
      </details>
    </article>
  );
};
