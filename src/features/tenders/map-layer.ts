import type { MapLayer } from '../map-layers';
import { formatRupiah } from '../../lib/money';
import { regionTitle } from '../../regions/labels';
import { STATUS_LABELS } from './labels';
import { tenderHref } from './present';
import { mapPointRows } from './repo';

/**
 * The procurement layer of the interactive region map: public packages of the rollup that are planned or under way,
 * at their own point, else at the centre of their location region (the subtitle says so; a village package is always
 * located in its village). A regency package with neither has no point.
 * Titles are data, never markup: the map script writes them with textContent.
 */
export const tendersLayer: MapLayer = {
  id: 'lelang',
  label: 'Pengadaan dan lelang',
  hint: 'Paket yang direncanakan atau sedang berjalan',
  color: '#1d4ed8',
  async load(db, regionCode) {
    const rows = await mapPointRows(db, regionCode);
    const points = [];
    for (const r of rows) {
      const money = r.pagu === null ? '' : ` · Pagu ${formatRupiah(r.pagu)}`;
      const subtitle = `${STATUS_LABELS[r.status]}${money}`;
      if (r.lat !== null && r.lng !== null) {
        points.push({ id: r.id, title: r.name, subtitle, lat: r.lat, lng: r.lng, url: tenderHref(r) });
        continue;
      }
      const place = r.locations.find((l) => l.code === regionCode || l.code.startsWith(`${regionCode}.`)) ?? r.locations[0];
      if (!place) continue;
      points.push({ id: r.id, title: r.name, subtitle: `${subtitle} · sekitar ${regionTitle(place)}`, lat: place.lat, lng: place.lng, url: tenderHref(r) });
    }
    return points;
  },
};
