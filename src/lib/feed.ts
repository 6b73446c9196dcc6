/**
 * RSS 2.0 and sitemap XML builders (pure; test/unit/content-feed.test.ts). Every text is XML-escaped and characters
 * XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF) are dropped, so the output is always well-formed.
 */

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => XML_ESC[c] ?? c);
}

/** RFC 822 date as RSS wants it: 'Tue, 05 Aug 2025 04:00:00 GMT'. */
export function rfc822(ms: number): string {
  return new Date(ms).toUTCString();
}

export interface FeedItem {
  title: string;
  url: string;
  summary: string;
  publishedAt: number;
  category?: string;
  imageUrl?: string | null;
}

export interface FeedChannel {
  title: string;
  /** The HTML page of the feed (region news list). */
  link: string;
  /** The feed's own URL (atom:link rel=self). */
  self: string;
  description: string;
  items: FeedItem[];
}

/** MIME type of an enclosure from its file extension (the portal's media are JPEG unless named otherwise). */
function imageType(url: string): string {
  if (url.endsWith('.png')) return 'image/png';
  if (url.endsWith('.webp')) return 'image/webp';
  return url.endsWith('.gif') ? 'image/gif' : 'image/jpeg';
}

export function buildRss(ch: FeedChannel): string {
  const e = xmlEscape;
  const last = ch.items.reduce((m, i) => Math.max(m, i.publishedAt), 0);
  const items = ch.items.map(
    (i) =>
      `<item><title>${e(i.title)}</title><link>${e(i.url)}</link><guid isPermaLink="true">${e(i.url)}</guid>` +
      `<pubDate>${rfc822(i.publishedAt)}</pubDate>${i.category ? `<category>${e(i.category)}</category>` : ''}` +
      `<description>${e(i.summary)}</description>${i.imageUrl ? `<enclosure url="${e(i.imageUrl)}" length="0" type="${imageType(i.imageUrl)}"/>` : ''}</item>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `<title>${e(ch.title)}</title><link>${e(ch.link)}</link><description>${e(ch.description)}</description><language>id</language>` +
    `<atom:link href="${e(ch.self)}" rel="self" type="application/rss+xml"/>` +
    (last ? `<lastBuildDate>${rfc822(last)}</lastBuildDate>` : '') +
    `${items.join('')}</channel></rss>\n`
  );
}

export interface SitemapUrl {
  loc: string;
  lastmod?: number | null;
}

/** 'YYYY-MM-DD' (UTC) for <lastmod>. */
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function buildSitemap(urls: SitemapUrl[]): string {
  const body = urls.map((u) => `<url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${isoDate(u.lastmod)}</lastmod>` : ''}</url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** A sitemap index (sitemaps.org): the child sitemaps, each an absolute URL. */
export function buildSitemapIndex(children: string[]): string {
  const body = children.map((loc) => `<sitemap><loc>${xmlEscape(loc)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}
