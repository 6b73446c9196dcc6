import { AppError } from '../../../lib/errors';
import { anyDate, type ParsedExport, plainText, type Problem, type SourceItem, slugOfUrl } from '../items';
import { attr, list, parseXml, text, type XmlNode } from './xml';

/**
 * An RSS 2.0 or Atom feed — a Blogspot blog's feed or its "Back up content" file (Atom, with posts, pages, comments
 * and settings), or any other site's feed. Read: published posts and pages with their link, dates, author name and
 * HTML. Not read: comments, settings and templates of a Blogger backup, drafts.
 */
const BLOGGER_KIND = 'http://schemas.google.com/g/2005#kind';

function atomKind(entry: XmlNode): string | null {
  const kind = list(entry.category).find((c) => attr(c, 'scheme') === BLOGGER_KIND);
  return kind ? attr(kind, 'term').replace(/^.*#/, '') : null;
}

function atomLink(entry: XmlNode): string {
  const links = list(entry.link);
  const alt = links.find((l) => (attr(l, 'rel') || 'alternate') === 'alternate' && (attr(l, 'type') || 'text/html') === 'text/html');
  return attr(alt, 'href');
}

function atomItems(feed: XmlNode, problems: Problem[]): SourceItem[] {
  const out: SourceItem[] = [];
  const skipped: Record<string, number> = {};
  for (const e of list(feed.entry)) {
    const kind = atomKind(e) ?? 'post';
    if (kind !== 'post' && kind !== 'page') {
      skipped[kind] = (skipped[kind] ?? 0) + 1;
      continue;
    }
    const title = text(e.title).trim();
    const draft = text((e['app:control'] as XmlNode | undefined)?.['app:draft']) === 'yes';
    if (draft) {
      problems.push({ item: title || text(e.id), message: 'Masih draf di situs lama; tidak diimpor.' });
      continue;
    }
    const link = atomLink(e);
    const publishedAt = anyDate(text(e.published)) ?? anyDate(text(e.updated));
    if (!title || publishedAt === null) {
      problems.push({ item: title || text(e.id), message: title ? 'Tanggal terbit tidak terbaca; tidak diimpor.' : 'Tulisan tanpa judul; tidak diimpor.' });
      continue;
    }
    const html = text(e.content) || text(e.summary);
    out.push({
      type: 'post',
      key: `rss:${text(e.id) || link}`,
      title,
      html,
      excerpt: text(e.content) ? plainText(text(e.summary)) : '',
      author: text(list(e.author)[0]?.name) || null,
      publishedAt,
      slug: slugOfUrl(link),
      isPage: kind === 'page',
      coverUrl: attr(e['media:thumbnail'], 'url') || null,
      oldUrls: link ? [link] : [],
    });
  }
  for (const [kind, n] of Object.entries(skipped)) {
    problems.push({ message: `${n} entri berjenis “${kind}” (komentar, pengaturan, template) tidak diimpor.` });
  }
  return out;
}

function rssItems(channel: XmlNode, problems: Problem[]): SourceItem[] {
  const out: SourceItem[] = [];
  for (const it of list(channel.item)) {
    const title = text(it.title).trim();
    const link = text(it.link);
    const publishedAt = anyDate(text(it.pubDate)) ?? anyDate(text(it['dc:date']));
    if (!title || publishedAt === null) {
      problems.push({ item: title || link, message: title ? 'Tanggal terbit tidak terbaca; tidak diimpor.' : 'Tulisan tanpa judul; tidak diimpor.' });
      continue;
    }
    const full = text(it['content:encoded']);
    const enclosure = list(it.enclosure).find((e) => attr(e, 'type').startsWith('image/'));
    out.push({
      type: 'post',
      key: `rss:${text(it.guid) || link}`,
      title,
      html: full || text(it.description),
      excerpt: full ? plainText(text(it.description)) : '',
      author: text(it['dc:creator']) || text(it.author).replace(/^\S+@\S+\s*\((.*)\)$/, '$1') || null,
      publishedAt,
      slug: slugOfUrl(link),
      isPage: false,
      coverUrl: attr(it['media:thumbnail'], 'url') || attr(enclosure, 'url') || null,
      oldUrls: link ? [link] : [],
    });
  }
  return out;
}

export function parseFeed(xml: string): ParsedExport {
  const root = parseXml(xml, 'umpan (RSS/Atom)');
  const problems: Problem[] = [];
  const atom = root.feed as XmlNode | undefined;
  if (atom) {
    const site =
      atomLink(atom) ||
      attr(
        list(atom.link).find((l) => attr(l, 'rel') === 'alternate'),
        'href',
      );
    return { format: 'rss', siteUrl: originOf(site), items: atomItems(atom, problems), problems };
  }
  const channel = (root.rss as XmlNode | undefined)?.channel as XmlNode | undefined;
  if (!channel) throw new AppError('validation', 'Berkas ini bukan umpan RSS atau Atom.');
  if (channel['wp:wxr_version']) throw new AppError('validation', 'Berkas ini ekspor WordPress (WXR): pilih format “WordPress (WXR)”.');
  return { format: 'rss', siteUrl: originOf(text(channel.link)), items: rssItems(channel, problems), problems };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
