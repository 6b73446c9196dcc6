import type { FC } from 'hono/jsx';
import { regionHref } from '../../regions/paths';
import { EmptyState } from '../../views/components';
import type { RegionHomeBlock } from '../descriptor';
import { listPublishedPosts, type PublicPostRow } from './repo';
import { PostList } from './views';

const LatestList: FC<{ items: PublicPostRow[]; saveData: boolean; empty: string; more: string }> = (p) =>
  p.items.length === 0 ? (
    <EmptyState>
      <p>{p.empty} Kabar dari wilayah ini akan tampil di sini setelah diterbitkan oleh pengelola.</p>
    </EmptyState>
  ) : (
    <>
      <PostList items={p.items} saveData={p.saveData} showRegion />
      <p>
        <a href={p.more}>Lihat semua</a>
      </p>
    </>
  );

/** Latest news, then announcements and agenda, rolled up from the region's subtree. */
export const contentHomeBlocks: RegionHomeBlock[] = [
  {
    order: 10,
    async render({ db, now, saveData }, ctx) {
      const items = await listPublishedPosts(db, { regionCode: ctx.region.code, now, kinds: ['berita'], limit: 5 });
      return (
        <section aria-labelledby="berita-terbaru">
          <h2 id="berita-terbaru">Berita terbaru</h2>
          <LatestList items={items} saveData={saveData} empty="Belum ada berita." more={regionHref(ctx.region.path, 'berita')} />
        </section>
      );
    },
  },
  {
    order: 20,
    async render({ db, now, saveData }, ctx) {
      const items = await listPublishedPosts(db, { regionCode: ctx.region.code, now, kinds: ['pengumuman', 'agenda'], limit: 4 });
      return (
        <section aria-labelledby="pengumuman-terbaru">
          <h2 id="pengumuman-terbaru">Pengumuman dan agenda</h2>
          <LatestList
            items={items}
            saveData={saveData}
            empty="Belum ada pengumuman atau agenda."
            more={`${regionHref(ctx.region.path, 'berita')}?jenis=pengumuman`}
          />
        </section>
      );
    },
  },
];
