import type { Child, FC } from 'hono/jsx';
import type { PostKind } from '../../db/schema';
import type { RegionContext } from '../../regions/context';
import { regionTitle } from '../../regions/labels';
import type { Db } from '../../db/client';
import { regionHref } from '../../regions/paths';
import { EmptyState } from '../../views/components';
import type { RegionHomeBlock } from '../descriptor';
import { loadNearbyPosts, NearbyPosts } from './nearby-posts';
import { listPublishedPosts, type PublicPostRow } from './repo';
import { PostList } from './views';

const LatestList: FC<{ items: PublicPostRow[]; saveData: boolean; empty: string; more: string; nearby: Child }> = (p) =>
  p.items.length === 0 && p.nearby ? (
    p.nearby
  ) : p.items.length === 0 ? (
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

/** For an empty list: the kecamatan's and the regency's latest instead (null when they have none either). */
async function nearbyInstead(db: Db, ctx: RegionContext, items: PublicPostRow[], what: string, kinds: PostKind[], saveData: boolean, now: number) {
  if (items.length > 0) return null;
  const groups = await loadNearbyPosts(db, ctx, { now, kinds, limit: 3 });
  return groups.length === 0 ? null : <NearbyPosts regionName={regionTitle(ctx.region)} what={what} groups={groups} saveData={saveData} groupTag="h3" />;
}

/** Latest news, then announcements and agenda, rolled up from the region's subtree. */
export const contentHomeBlocks: RegionHomeBlock[] = [
  {
    order: 10,
    async render({ db, now, saveData }, ctx) {
      const items = await listPublishedPosts(db, { regionCode: ctx.region.code, now, kinds: ['berita'], limit: 5 });
      const nearby = await nearbyInstead(db, ctx, items, 'berita', ['berita'], saveData, now);
      return (
        <section aria-labelledby="berita-terbaru">
          <h2 id="berita-terbaru">Berita terbaru</h2>
          <LatestList items={items} saveData={saveData} empty="Belum ada berita." more={regionHref(ctx.region.path, 'berita')} nearby={nearby} />
        </section>
      );
    },
  },
  {
    order: 20,
    async render({ db, now, saveData }, ctx) {
      const kinds: PostKind[] = ['pengumuman', 'agenda'];
      const items = await listPublishedPosts(db, { regionCode: ctx.region.code, now, kinds, limit: 4 });
      const nearby = await nearbyInstead(db, ctx, items, 'pengumuman atau agenda', kinds, saveData, now);
      return (
        <section aria-labelledby="pengumuman-terbaru">
          <h2 id="pengumuman-terbaru">Pengumuman dan agenda</h2>
          <LatestList
            items={items}
            saveData={saveData}
            empty="Belum ada pengumuman atau agenda."
            more={`${regionHref(ctx.region.path, 'berita')}?jenis=pengumuman`}
            nearby={nearby}
          />
        </section>
      );
    },
  },
];
