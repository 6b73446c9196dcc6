// The public region map page: a server-rendered SVG map and the list of places (works without JavaScript), enhanced
// by public/js/peta.js into an interactive maplibre map (data passed in data- attributes; no inline script).
import type { FC } from 'hono/jsx';
import type { RegionContext } from '../../regions/context';
import { childrenLabel, regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import type { BasemapConfig } from './basemap';
import type { MapLayer } from '../map-layers';
import type { PlaceView } from './places-repo';
import type { RegionShape } from './repo';
import type { SvgMapPlace } from '../../views/svg-map';
import { RegionSvgMap } from './views';

export interface PetaPageProps {
  ctx: RegionContext;
  shapes: { self?: RegionShape; children: RegionShape[] };
  dots: SvgMapPlace[];
  places: PlaceView[];
  total: number;
  page: number;
  pageSize: number;
  category?: string;
  categories: Array<{ code: string; label: string }>;
  layers: readonly MapLayer[];
  basemap: BasemapConfig | null;
  /** maplibre is never loaded with the page; peta.js offers a button (with its size) that loads it on request. */
  lazyMap: { js: string; css: string };
}

/** A place photo's article size (the pipeline's derivative; originals are never served). */
export function mediaHref(key: string): string {
  return `/media/${key}/article`;
}

/** A `geo:` URI (RFC 5870): phones open it in their own maps app, which works offline with downloaded maps. */
export function geoUri(p: { lat: number; lng: number; name: string }): string {
  const at = `${p.lat.toFixed(6)},${p.lng.toFixed(6)}`;
  return `geo:${at}?q=${at}(${encodeURIComponent(p.name)})`;
}

/** The place on openstreetmap.org, for browsers without a maps app. */
export function osmHref(p: { lat: number; lng: number }): string {
  const lat = p.lat.toFixed(6);
  const lng = p.lng.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
}

const PlaceItem: FC<{ p: PlaceView; regionCode: string }> = ({ p, regionCode }) => (
  <li class="place" id={`tempat-${p.id}`} data-tempat={p.id}>
    <h4>{p.name}</h4>
    {p.regionCode !== regionCode || p.isDemo ? (
      <p class="meta">
        {p.regionCode !== regionCode ? `${regionTitle({ level: p.regionLevel, name: p.regionName })} ` : ''}
        {p.isDemo ? <StatusTag tone="yellow">Contoh</StatusTag> : null}
      </p>
    ) : null}
    <dl class="facts">
      {p.address ? (
        <>
          <dt>Alamat</dt>
          <dd>{p.address}</dd>
        </>
      ) : null}
      {p.openingHours ? (
        <>
          <dt>Jam buka</dt>
          <dd>{p.openingHours}</dd>
        </>
      ) : null}
      {p.contact ? (
        <>
          <dt>Kontak</dt>
          <dd>{p.contact}</dd>
        </>
      ) : null}
      <dt>Koordinat</dt>
      <dd>
        {p.lat.toFixed(5)}, {p.lng.toFixed(5)}
      </dd>
    </dl>
    {p.description ? <p>{p.description}</p> : null}
    <p class="place-links">
      <a href={geoUri(p)}>Buka di aplikasi peta</a> · <a href={osmHref(p)}>Lihat di OpenStreetMap</a>
    </p>
    {p.photoKey ? (
      <p>
        <a href={mediaHref(p.photoKey)}>Lihat foto {p.name}</a>
      </p>
    ) : null}
  </li>
);

/** Places of one page, grouped by category (already ordered by category, then name). */
const PlaceGroups: FC<{ places: PlaceView[]; regionCode: string }> = ({ places, regionCode }) => {
  const groups: Array<{ label: string; items: PlaceView[] }> = [];
  for (const p of places) {
    const last = groups[groups.length - 1];
    if (last && last.label === p.categoryLabel) last.items.push(p);
    else groups.push({ label: p.categoryLabel, items: [p] });
  }
  return (
    <>
      {groups.map((g) => (
        <>
          <h3>{g.label}</h3>
          <ul class="places">
            {g.items.map((p) => (
              <PlaceItem p={p} regionCode={regionCode} />
            ))}
          </ul>
        </>
      ))}
    </>
  );
};

export const PetaPage: FC<PetaPageProps> = (p) => {
  const { region } = p.ctx;
  const title = regionTitle(region);
  const base = regionHref(region.path, 'peta');
  const link = (page: number) => `${base}?${new URLSearchParams({ ...(p.category ? { kategori: p.category } : {}), halaman: String(page) })}`;
  const geoUrl = `/api/v1/geo/regions/${region.code}`;
  const layerUrl = (id: string) => `/api/v1/geo/layers/${id}?region=${region.code}`;
  return (
    <>
      <h1>Peta {title}</h1>
      <p>
        {p.ctx.children.length > 0
          ? `Batas wilayah, ${childrenLabel(region.level).toLowerCase()} di dalamnya, dan tempat penting ${title}. Ketuk wilayah untuk membuka halamannya.`
          : `Batas wilayah dan tempat penting ${title}.`}{' '}
        Batas bersifat indikatif, bukan batas hukum.
      </p>
      <div
        id="peta"
        class="peta"
        data-kode={region.code}
        data-wilayah={geoUrl}
        data-anak={p.ctx.children.length > 0 ? `${geoUrl}?children=1` : undefined}
        data-tempat={`/api/v1/places?region=${region.code}&limit=1000`}
        data-maplibre-js={p.lazyMap.js}
        data-maplibre-css={p.lazyMap.css}
        data-ubin={p.basemap?.tiles}
        data-ubin-atribusi={p.basemap?.attribution}
        data-ubin-zoom={p.basemap ? String(p.basemap.maxZoom) : undefined}
      >
        <div class="peta-svg">
          {p.shapes.self ? (
            <RegionSvgMap self={p.shapes.self} children={p.shapes.children} places={p.dots} id="peta-svg" />
          ) : (
            <p>Batas wilayah belum tersedia.</p>
          )}
        </div>
        <p class="peta-status hint" role="status" hidden></p>
      </div>
      <fieldset class="peta-lapisan checks" hidden>
        <legend>Lapisan peta</legend>
        <label>
          <input type="checkbox" name="lapisan" value="tempat" checked /> Tempat penting
        </label>
        {p.layers.map((l) => (
          <label>
            <input type="checkbox" name="lapisan" value={l.id} data-url={layerUrl(l.id)} data-warna={l.color} /> {l.label} <span class="hint">({l.hint})</span>
          </label>
        ))}
      </fieldset>
      <div id="peta-kartu" class="peta-kartu" role="region" aria-label="Keterangan tempat terpilih" tabindex={-1} hidden></div>
      <section aria-labelledby="daftar-tempat">
        <h2 id="daftar-tempat">
          Daftar tempat ({p.total}){p.category ? ` · ${p.categories.find((c) => c.code === p.category)?.label ?? ''}` : ''}
        </h2>
        <form class="filters" method="get" action={base}>
          <label for="kategori">Kategori</label>
          <select id="kategori" name="kategori">
            <option value="">Semua kategori</option>
            {p.categories.map((c) => (
              <option value={c.code} selected={p.category === c.code}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="submit">Tampilkan</button>
        </form>
        {p.places.length === 0 ? (
          <EmptyState>
            <p>
              Belum ada tempat {p.category ? 'dalam kategori ini ' : ''}yang dicatat untuk {title}. Operator wilayah dapat menambahkannya melalui halaman admin.
            </p>
          </EmptyState>
        ) : (
          <PlaceGroups places={p.places} regionCode={region.code} />
        )}
        <Pagination
          label="Halaman daftar tempat"
          prev={p.page > 1 ? link(p.page - 1) : undefined}
          next={p.page * p.pageSize < p.total ? link(p.page + 1) : undefined}
        />
      </section>
    </>
  );
};
