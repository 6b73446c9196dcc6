import type { FC } from 'hono/jsx';
import { formatDate } from '../../lib/time';
import { levelOfCode } from '../../regions/codes';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { StatusTag } from '../../views/components';
import type { PublicPostRow } from './repo';

export const KIND_LABELS = { berita: 'Berita', pengumuman: 'Pengumuman', agenda: 'Agenda', halaman: 'Halaman' } as const;

export function postHref(p: { regionPath: string; slug: string }): string {
  return regionHref(p.regionPath, 'berita', p.slug);
}

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

export const PostList: FC<{ items: PublicPostRow[]; saveData: boolean; showRegion?: boolean }> = ({ items, saveData, showRegion }) => (
  <ul class="posts">
    {items.map((p) => (
      <li class="post">
        {p.coverKey && !saveData ? (
          <img class="post-cover" src={mediaUrl(p.coverKey)} alt={p.coverAlt ?? ''} width="96" height="72" loading="lazy" decoding="async" />
        ) : null}
        <div>
          <h3>
            <a href={postHref(p)}>{p.title}</a>
          </h3>
          <p class="meta">
            {p.kind !== 'berita' ? <StatusTag tone="blue">{KIND_LABELS[p.kind]}</StatusTag> : null}
            {p.isDemo ? <StatusTag tone="yellow">Contoh</StatusTag> : null}{' '}
            {p.publishedAt ? <time datetime={new Date(p.publishedAt).toISOString()}>{formatDate(p.publishedAt)}</time> : null}
            {showRegion ? <> · {regionTitle({ level: levelOfCode(p.regionCode), name: p.regionName })}</> : null}
          </p>
          {p.summary ? <p>{p.summary}</p> : null}
        </div>
      </li>
    ))}
  </ul>
);
