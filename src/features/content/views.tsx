import type { FC } from 'hono/jsx';
import { formatDate } from '../../lib/time';
import { levelOfCode } from '../../regions/codes';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { StatusTag } from '../../views/components';
import { imgAttrs, parseManifest } from '../../media/manifest';
import type { PublicPostRow } from './repo';

export const KIND_LABELS = { berita: 'Berita', pengumuman: 'Pengumuman', agenda: 'Agenda', halaman: 'Halaman' } as const;

export function postHref(p: { regionPath: string; slug: string }): string {
  return regionHref(p.regionPath, 'berita', p.slug);
}

/** The processed cover of a post, or null (no cover, or one stored before the image pipeline: never shown). */
export const coverOf = (p: { coverMedia: string | null }) => parseManifest(p.coverMedia);

export const PostList: FC<{ items: PublicPostRow[]; saveData: boolean; showRegion?: boolean; titleTag?: 'h3' | 'h4' }> = ({
  items,
  saveData,
  showRegion,
  titleTag,
}) => {
  const Title = titleTag ?? 'h3';
  return (
    <ul class="posts">
      {items.map((p) => {
        const cover = saveData ? null : coverOf(p);
        return (
          <li class="post">
            {cover ? <img class="post-cover" {...imgAttrs(cover, 'thumb')} alt={p.coverAlt ?? ''} /> : null}
            <div>
              <Title>
                <a href={postHref(p)}>{p.title}</a>
              </Title>
              <p class="meta">
                {p.kind !== 'berita' ? <StatusTag tone="blue">{KIND_LABELS[p.kind]}</StatusTag> : null}
                {p.isDemo ? <StatusTag tone="yellow">Contoh</StatusTag> : null}{' '}
                {p.publishedAt ? <time datetime={new Date(p.publishedAt).toISOString()}>{formatDate(p.publishedAt)}</time> : null}
                {showRegion ? <> · {regionTitle({ level: levelOfCode(p.regionCode), name: p.regionName })}</> : null}
              </p>
              {p.summary ? <p>{p.summary}</p> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
};
