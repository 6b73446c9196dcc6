import { REGENCY } from '../../config';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import type { RegionHomeBlock } from '../descriptor';
import { listOpenTenders } from './repo';
import { TenderList } from './views';

const HOME_LIMIT = 3;

/** A region home's open packages (registration open or under way, nearest deadline first), rolled up; one query. */
export const tendersHomeBlock: RegionHomeBlock = {
  order: 35,
  async render({ db, now }, ctx) {
    const items = await listOpenTenders(db, ctx.region.code, now, HOME_LIMIT);
    return (
      <section aria-labelledby="lelang-terbuka">
        <h2 id="lelang-terbuka">Pengadaan dan lelang</h2>
        {items.length ? (
          <TenderList items={items} now={now} showRegion={ctx.children.length > 0} />
        ) : (
          <p>
            Tidak ada paket yang sedang dibuka di {regionTitle(ctx.region)}. Lelang kabupaten juga diumumkan di <a href={REGENCY.lpseUrl}>LPSE</a>.
          </p>
        )}
        <p>
          <a href={regionHref(ctx.region.path, 'lelang')}>Semua paket pengadaan {regionTitle(ctx.region)}</a>
        </p>
      </section>
    );
  },
};
