import type { FC } from 'hono/jsx';
import { qrPath } from '../../lib/qr';
import { OfficeCard } from '../../views/office-card';
import type { OfficeContact } from '../../regions/offices';

export interface PosterService {
  label: string;
  hint: string;
  /** Absolute short URL printed under the code, e.g. https://portal…/s/6408042012a */
  url: string;
}

export interface PosterProps {
  regionLabel: string;
  siteUrl: string;
  services: PosterService[];
  office: OfficeContact | null;
}

/** A QR code as inline SVG (crisp at any print size), with a 4-module quiet zone. */
export const Qr: FC<{ text: string; label: string; class?: string }> = ({ text, label, class: cls }) => {
  const { d, size } = qrPath(text);
  return (
    <svg class={cls ?? 'qr'} viewBox={`-4 -4 ${size + 8} ${size + 8}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect x="-4" y="-4" width={size + 8} height={size + 8} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
};

const bare = (url: string) => url.replace(/^https?:\/\//, '');

/** The A4 notice-board poster of a region: its site and each service as QR codes and short links, and the office. */
export const PosterView: FC<PosterProps> = (p) => (
  <article class="poster">
    <p class="no-print">
      Cetak halaman ini di kertas A4 (menu browser: Cetak / Print) dan tempel di papan pengumuman kantor, balai atau masjid. Kode QR dan alamat singkat tetap
      berlaku selama portal ada.
    </p>
    <header class="poster-head">
      <Qr text={p.siteUrl} label={`Kode QR situs ${p.regionLabel}`} class="qr qr-big" />
      <div>
        <h1>Layanan {p.regionLabel} lewat HP</h1>
        <p class="poster-lead">Pindai kode ini dengan kamera HP, atau ketik alamatnya:</p>
        <p class="poster-url">{bare(p.siteUrl)}</p>
        <p>Bisa dibuka dengan sinyal lemah. Laporan yang dikirim tanpa sinyal tersimpan di HP dan terkirim sendiri nanti.</p>
      </div>
    </header>
    <ul class="poster-services">
      {p.services.map((s) => (
        <li>
          <Qr text={s.url} label={`Kode QR ${s.label}`} />
          <div>
            <h2>{s.label}</h2>
            <p>{s.hint}</p>
            <p class="poster-url">{bare(s.url)}</p>
          </div>
        </li>
      ))}
    </ul>
    <OfficeCard office={p.office} heading="Tidak punya internet? Datang atau hubungi kantor" fallbackName={p.regionLabel} />
  </article>
);
