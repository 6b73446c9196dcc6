import { AppError } from '../../../lib/errors';
import { anyDate, type ParsedExport, plainText, type Problem, type SourceItem, slugOfUrl, witaDateTime } from '../items';
import { attr, list, parseXml, text, type XmlNode } from './xml';

/**
 * A WordPress export (WXR 1.1/1.2, Tools → Export). Read: published posts and pages, image attachments (the media
 * library) and PDF/Office attachments (as documents), each with its permalink, `?p=`/`?page_id=` link and dates.
 * Never read: comments (names, e-mails and IP addresses of visitors), author e-mails, drafts and private posts.
 */
const DOCUMENT_EXT = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp)$/i;
const IMAGE_EXT = /\.(jpe?g|png|gif|webp)$/i;

function dateOf(item: XmlNode): number | null {
  return gmt(item) ?? witaDateTime(text(item['wp:post_date'])) ?? anyDate(text(item.pubDate));
}

function gmt(item: XmlNode): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text(item['wp:post_date_gmt']));
  if (!m || m[1] === '0000') return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

export function parseWxr(xml: string): ParsedExport {
  const root = parseXml(xml, 'WXR');
  const channel = (root.rss as XmlNode | undefined)?.channel as XmlNode | undefined;
  if (!channel || (!channel['wp:wxr_version'] && !channel['wp:base_site_url'])) {
    throw new AppError('validation', 'Berkas ini bukan ekspor WordPress (WXR). Ekspor dari WordPress: Alat → Ekspor → Semua konten.');
  }
  const siteUrl = (text(channel['wp:base_blog_url']) || text(channel['wp:base_site_url']) || text(channel.link)).replace(/\/+$/, '');
  const authors = new Map(list(channel['wp:author']).map((a) => [text(a['wp:author_login']), text(a['wp:author_display_name']) || text(a['wp:author_login'])]));
  const problems: Problem[] = [];
  const items: SourceItem[] = [];
  const attachments = new Map<string, string>();
  let comments = 0;
  const raw = list(channel.item);
  for (const it of raw) {
    if (text(it['wp:post_type']) === 'attachment') attachments.set(text(it['wp:post_id']), text(it['wp:attachment_url']));
  }
  const skipped: Record<string, number> = {};
  for (const it of raw) {
    const type = text(it['wp:post_type']);
    const id = text(it['wp:post_id']);
    const title = text(it.title).trim();
    const link = text(it.link);
    comments += list(it['wp:comment']).length;
    if (type === 'attachment') {
      const url = text(it['wp:attachment_url']);
      const oldUrls = [url, `/?attachment_id=${id}`, ...(link ? [link] : [])];
      if (IMAGE_EXT.test(url)) items.push({ type: 'media', key: `wxr:attachment:${id}`, title: title || slugOfUrl(url), fileUrl: url, oldUrls });
      else if (DOCUMENT_EXT.test(url)) {
        const at = dateOf(it) ?? Date.now();
        items.push({
          type: 'document',
          key: `wxr:attachment:${id}`,
          title: title || slugOfUrl(url),
          description: plainText(text(it['content:encoded']) || text(it['excerpt:encoded']), 2000),
          fileUrl: url,
          publishedAt: at,
          year: new Date(at + 8 * 3_600_000).getUTCFullYear(),
          category: 'lainnya',
          infoCategory: 'setiap_saat',
          oldUrls,
        });
      } else problems.push({ item: title || url, message: 'Lampiran dengan jenis berkas ini tidak diimpor (hanya gambar, PDF dan dokumen Office).' });
      continue;
    }
    if (type !== 'post' && type !== 'page') {
      skipped[type || 'lainnya'] = (skipped[type || 'lainnya'] ?? 0) + 1;
      continue;
    }
    const status = text(it['wp:status']);
    if (status !== 'publish') {
      problems.push({ item: title || `#${id}`, message: `Berstatus “${status || 'tanpa status'}” di WordPress (bukan terbit); tidak diimpor.` });
      continue;
    }
    if (!title) {
      problems.push({ item: `#${id}`, message: 'Tulisan tanpa judul; tidak diimpor.' });
      continue;
    }
    const publishedAt = dateOf(it);
    if (publishedAt === null) {
      problems.push({ item: title, message: 'Tanggal terbit tidak terbaca; tidak diimpor.' });
      continue;
    }
    const thumb = list(it['wp:postmeta']).find((m) => text(m['wp:meta_key']) === '_thumbnail_id');
    const creator = text(it['dc:creator']);
    items.push({
      type: 'post',
      key: `wxr:${type}:${id}`,
      title,
      html: text(it['content:encoded']),
      excerpt: plainText(text(it['excerpt:encoded'])),
      author: authors.get(creator) || creator || null,
      publishedAt,
      slug: text(it['wp:post_name']) || slugOfUrl(link),
      isPage: type === 'page',
      coverUrl: thumb ? (attachments.get(text(thumb['wp:meta_value'])) ?? null) : null,
      oldUrls: [
        ...(link ? [link] : []),
        type === 'page' ? `/?page_id=${id}` : `/?p=${id}`,
        ...(attr(it.guid, 'isPermaLink') === 'false' ? [text(it.guid)] : []),
      ],
    });
  }
  if (comments > 0) problems.push({ message: `${comments} komentar pengunjung tidak diimpor (berisi nama, e-mail dan alamat IP pengunjung).` });
  for (const [type, n] of Object.entries(skipped)) problems.push({ message: `${n} item berjenis “${type}” (menu, blok, dsb.) tidak diimpor.` });
  return { format: 'wxr', siteUrl, items, problems };
}
