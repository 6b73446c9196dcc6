/**
 * "No dead ends": a region with no posts of its own shows its ancestors' latest posts instead of an empty box,
 * each group labelled with where it comes from and linking to the originals. Nearest first: the kecamatan's
 * rollup (its own posts and its villages'), then the regency's OWN posts (its rollup would repeat everything).
 * Caching: a change to a post of a kind shown here purges the descendants' cached pages too (`postPurgeScope`), so a
 * village page never keeps showing a kecamatan's or the regency's old news.
 */
import type { FC } from 'hono/jsx';
import type { PurgeScope } from '../../cache/purge';
import type { Db } from '../../db/client';
import type { PostKind } from '../../db/schema';
import type { RegionContext } from '../../regions/context';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import type { RegionSummary } from '../../regions/repo';
import { listPublishedPosts, type PublicPostRow } from './repo';
import { PostList } from './views';

/** Fixed pages (halaman) stay on their own region; news, announcements and agenda may show on every descendant. */
export function postPurgeScope(kind: PostKind): PurgeScope {
  return { shownBelow: kind !== 'halaman' };
}

export interface NearbyPostGroup {
  region: RegionSummary;
  items: PublicPostRow[];
}

/** The ancestors' latest posts of `kinds`, nearest ancestor first; groups without posts are left out. */
export async function loadNearbyPosts(db: Db, ctx: RegionContext, q: { now: number; kinds: PostKind[]; limit: number }): Promise<NearbyPostGroup[]> {
  const nearestFirst = [...ctx.ancestors].reverse();
  const groups = await Promise.all(
    nearestFirst.map(async (region) => ({
      region,
      items: await listPublishedPosts(db, { regionCode: region.code, now: q.now, kinds: q.kinds, limit: q.limit, ownOnly: region.code === ctx.root.code }),
    })),
  );
  return groups.filter((g) => g.items.length > 0);
}

/** Shown in place of an empty list; `what` names what the region lacks ("berita"), `query` keeps the list filter. */
export const NearbyPosts: FC<{ regionName: string; what: string; groups: NearbyPostGroup[]; saveData: boolean; query?: string; groupTag: 'h2' | 'h3' }> = (
  p,
) => {
  const Group = p.groupTag;
  return (
    <div class="nearby-posts">
      <p>
        {p.regionName} belum menerbitkan {p.what}. Berikut kabar terbaru dari wilayah di atasnya:
      </p>
      {p.groups.map((g) => (
        <>
          <Group>Dari {regionTitle(g.region)}</Group>
          <PostList items={g.items} saveData={p.saveData} showRegion titleTag={p.groupTag === 'h2' ? 'h3' : 'h4'} />
          <p>
            <a href={`${regionHref(g.region.path, 'berita')}${p.query ?? ''}`}>Semua kabar {regionTitle(g.region)}</a>
          </p>
        </>
      ))}
    </div>
  );
};
