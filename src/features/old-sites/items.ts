import type { DocumentCategory, ImportFormat, InfoCategory } from '../../db/schema';

/**
 * What every export format is turned into before anything is written: items with the old site's HTML, dates,
 * author names and every URL by which the old site served them. Only these are stored between chunks
 * (R2 imports/<id>/items.json) — never the uploaded export itself.
 */
export interface SourcePost {
  type: 'post';
  /** Stable key of the item in its source ('wxr:post:12', 'rss:tag:blogger.com,…', 'opensid:artikel:5'). */
  key: string;
  title: string;
  html: string;
  /** Plain-text excerpt from the source ('' when none). */
  excerpt: string;
  author: string | null;
  publishedAt: number;
  /** The old slug (the portal keeps it when it is free). */
  slug: string;
  /** A static page of the old site (WordPress page, Blogger page, OpenSID "statis"). */
  isPage: boolean;
  coverUrl: string | null;
  oldUrls: string[];
}

export interface SourceDocument {
  type: 'document';
  key: string;
  title: string;
  description: string;
  fileUrl: string;
  publishedAt: number;
  year: number | null;
  category: DocumentCategory;
  infoCategory: Exclude<InfoCategory, 'dikecualikan'>;
  oldUrls: string[];
}

/** A picture of the old media library (a WordPress image attachment): stored and redirected even when no post shows it. */
export interface SourceMedia {
  type: 'media';
  key: string;
  title: string;
  fileUrl: string;
  oldUrls: string[];
}

export type SourceItem = SourcePost | SourceDocument | SourceMedia;

/** A problem found while reading the export, shown in the preview and the report. */
export interface Problem {
  /** Title or key of the item concerned, when there is one. */
  item?: string;
  message: string;
}

export interface ParsedExport {
  format: ImportFormat;
  /** The old site's address as the export names it ('' when it does not). */
  siteUrl: string;
  items: SourceItem[];
  problems: Problem[];
}

/** Items in import order: media and documents first (posts link to them), then pages, then posts oldest first. */
export function importOrder(items: SourceItem[]): SourceItem[] {
  const rank = (i: SourceItem) => (i.type === 'media' ? 0 : i.type === 'document' ? 1 : i.isPage ? 2 : 3);
  const date = (i: SourceItem) => (i.type === 'media' ? 0 : i.publishedAt);
  return [...items].sort((a, b) => rank(a) - rank(b) || date(a) - date(b) || a.key.localeCompare(b.key));
}

/** Local date-time text of the old site ('2023-05-12 09:00:00'), read as WITA; null when it is not one. */
export function witaDateTime(text: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec((text ?? '').trim());
  if (!m || m[1] === '0000') return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0) - 8, +(m[5] ?? 0), +(m[6] ?? 0));
  return Number.isFinite(ms) ? ms : null;
}

/** Any date text a feed may carry (RFC 822, ISO 8601); null when unreadable. */
export function anyDate(text: string | null | undefined): number | null {
  if (!text) return null;
  const ms = Date.parse(text.trim());
  return Number.isFinite(ms) ? ms : null;
}

/** The last path segment of a URL without `.html` (Blogspot, WordPress permalinks). */
export function slugOfUrl(url: string): string {
  try {
    const seg = new URL(url, 'http://x.invalid').pathname.split('/').filter(Boolean).pop() ?? '';
    return decodeURIComponent(seg).replace(/\.html?$/i, '');
  } catch {
    return '';
  }
}

/** A short plain text from HTML-ish source text (excerpts, descriptions). */
export function plainText(html: string, max = 300): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
