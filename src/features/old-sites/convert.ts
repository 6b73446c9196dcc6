import { NodeHtmlMarkdown } from 'node-html-markdown';
import { type HTMLElement, parse } from 'node-html-parser';

/**
 * An old site's HTML → the portal's safe Markdown, with kept libraries that need no DOM (Workers have none):
 * node-html-parser cleans the tree — dangerous or useless elements removed with their content, links and images
 * rewritten through a resolver (old internal links to their new place, images to their stored copy, anything not
 * http/https/mailto/tel dropped), tables flattened to lines (the portal's Markdown has no tables) — then
 * node-html-markdown writes Markdown, escaping `<` so no text can ever become markup. The portal's renderer (raw HTML
 * off, allow-listed links) is the second wall.
 */
const DROP = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'link',
  'meta',
  'base',
  'head',
  'title',
];
const SHORTCODE = /\[\/?(?:caption|gallery|embed|video|audio|playlist|wp_\w+|vc_\w+|et_pb_\w+|fusion_\w+)\b[^\]]*\]/gi;
export const MAX_BODY_CHARS = 100_000;

export interface UrlResolver {
  /** An absolute link target → the href to keep (a portal path or the external URL), or null to keep only the text. */
  link(url: URL): string | null;
  /** An absolute image address → the stored copy's path, or null to drop the image (its alt text stays). */
  image(url: URL): string | null;
}

const converter = new NodeHtmlMarkdown({
  bulletMarker: '-',
  // The default escapes plus `<` and `>`: text that looks like a tag stays text.
  globalEscape: [/[\\`*_~[\]<>]/gm, '\\$&'],
  maxConsecutiveNewlines: 2,
  keepDataImages: false,
});

function absolute(raw: string | undefined, base: string): URL | null {
  const value = (raw ?? '').replace(/[\t\n\r]/g, '').trim();
  if (!value || value.startsWith('#')) return null;
  try {
    return new URL(value, base || 'http://situs-lama.invalid');
  } catch {
    return null;
  }
}

const imageSource = (img: HTMLElement) => img.getAttribute('data-src') || img.getAttribute('data-lazy-src') || img.getAttribute('src');

function parseClean(html: string) {
  const root = parse(html.replace(SHORTCODE, ''), { comment: false, blockTextElements: { pre: true, code: true } });
  for (const el of root.querySelectorAll(DROP.join(','))) el.remove();
  return root;
}

/** The absolute addresses of the images an HTML fragment shows (to fetch and store them before converting). */
export function imageUrls(html: string, base: string): URL[] {
  const seen = new Map<string, URL>();
  for (const img of parseClean(html).querySelectorAll('img')) {
    const url = absolute(imageSource(img), base);
    if (url && /^https?:$/.test(url.protocol)) seen.set(url.href, url);
  }
  return [...seen.values()];
}

/** The absolute targets of an HTML fragment's links. */
export function linkUrls(html: string, base: string): URL[] {
  return parseClean(html)
    .querySelectorAll('a')
    .flatMap((a) => {
      const url = absolute(a.getAttribute('href'), base);
      return url ? [url] : [];
    });
}

function flattenTables(root: HTMLElement): void {
  for (const table of root.querySelectorAll('table')) {
    const lines = table.querySelectorAll('tr').map((tr) =>
      tr
        .querySelectorAll('th,td')
        .map((cell) => cell.innerHTML.trim())
        .filter((cell) => cell !== '')
        .join(' · '),
    );
    table.replaceWith(
      lines
        .filter(Boolean)
        .map((l) => `<p>${l}</p>`)
        .join(''),
    );
  }
}

export interface Converted {
  markdown: string;
  /** Images that could not be kept (not stored), for the report. */
  droppedImages: number;
}

export function htmlToMarkdown(html: string, base: string, resolve: UrlResolver): Converted {
  const root = parseClean(html);
  let droppedImages = 0;
  for (const img of root.querySelectorAll('img')) {
    const url = absolute(imageSource(img), base);
    const src = url && /^https?:$/.test(url.protocol) ? resolve.image(url) : null;
    const alt = (img.getAttribute('alt') ?? '').trim();
    if (!src) {
      droppedImages++;
      img.replaceWith(alt ? ` ${escapeText(alt)} ` : '');
      continue;
    }
    img.replaceWith(`<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}">`);
  }
  for (const a of root.querySelectorAll('a')) {
    const url = absolute(a.getAttribute('href'), base);
    const scheme = url?.protocol;
    const href = url && (scheme === 'http:' || scheme === 'https:') ? resolve.link(url) : url && (scheme === 'mailto:' || scheme === 'tel:') ? url.href : null;
    if (!href) {
      a.replaceWith(a.innerHTML);
      continue;
    }
    a.replaceWith(`<a href="${escapeAttr(href)}">${a.innerHTML}</a>`);
  }
  flattenTables(root);
  const markdown = converter
    .translate(root.toString())
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, droppedImages };
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
