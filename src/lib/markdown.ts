/**
 * Markdown → safe HTML for village news written by non-technical staff (block structure; inline syntax lives in
 * markdown-inline.ts). A small, dependable CommonMark subset: raw HTML is always escaped, never passed through.
 * Deliberate deviations, chosen for how staff actually type:
 * - a single newline inside a paragraph becomes <br>;
 * - `#` and `##` both render as <h2> (the page owns the only <h1>); `###`.. shift down by one, capped at <h6>;
 * - no indented code blocks (accidental indentation stays text), no setext headings, no reference links.
 */
import { type Ctx, escapeHtml, htmlToText, inline } from './markdown-inline';

export { escapeHtml };

export interface MarkdownOptions {
  /** This site's origin (e.g. 'https://desa.example'); absolute links to it are internal (no new tab). */
  siteOrigin?: string;
}

export const MAX_MARKDOWN_LENGTH = 200_000;
const MAX_DEPTH = 8; // nesting of blockquotes/lists; deeper markers are rendered as text

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}>/;
const BULLET = /^( {0,3})([-*+])([ \t]+|$)/;
const ORDERED = /^( {0,3})(\d{1,9})([.)])([ \t]+|$)/;

const isBlank = (l: string): boolean => /^[ \t]*$/.test(l);
const indentOf = (l: string): number => /^ */.exec(l)?.[0].length ?? 0;

/** Heading level mapping: the article body never produces <h1>. */
export const headingTag = (hashes: number): string => `h${Math.min(6, hashes <= 2 ? 2 : hashes + 1)}`;

function fenceOpen(line: string): { indent: number; fence: string; info: string } | null {
  const m = FENCE.exec(line);
  if (!m || (m[2]!.startsWith('`') && m[3]!.includes('`'))) return null;
  return { indent: m[1]!.length, fence: m[2]!, info: m[3]!.trim() };
}

function heading(line: string): { level: number; text: string } | null {
  const m = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(line);
  if (!m) return null;
  let text = line.slice(m[0].length).trim();
  let e = text.length;
  while (e > 0 && text.charAt(e - 1) === '#') e--; // optional closing '###' (manual scan: no regex backtracking)
  if (e === 0) text = '';
  else if (e < text.length && /[ \t]/.test(text.charAt(e - 1))) text = text.slice(0, e).trimEnd();
  return { level: m[1]!.length, text };
}

interface Item {
  ordered: boolean;
  marker: string;
  start: number;
  indent: number; // column where the item's content starts
  content: string;
}

function listItem(line: string): Item | null {
  const b = BULLET.exec(line);
  const o = b ? null : ORDERED.exec(line);
  const m = b ?? o;
  if (!m) return null;
  const markerEnd = m[1]!.length + (b ? 1 : o![2]!.length + 1);
  const pad = m[0].length - markerEnd;
  const indent = pad === 0 || pad > 4 ? markerEnd + 1 : m[0].length;
  return {
    ordered: !b,
    marker: b ? b[2]! : o![3]!,
    start: o ? Number(o[2]) : 1,
    indent,
    content: line.slice(Math.min(indent, line.length)),
  };
}

/** Whether `line` ends a running paragraph (CommonMark: ordered lists may only interrupt when starting at 1). */
function interrupts(line: string, depth: number): boolean {
  if (fenceOpen(line) || heading(line) || HR.test(line)) return true;
  if (depth >= MAX_DEPTH) return false;
  if (QUOTE.test(line)) return true;
  const it = listItem(line);
  return !!it && it.content.trim() !== '' && (!it.ordered || it.start === 1);
}

const sameList = (a: Item, b: Item | null): boolean => !!b && a.ordered === b.ordered && a.marker === b.marker;

function renderList(lines: string[], start: number, ctx: Ctx, depth: number): { html: string; end: number } {
  const first = listItem(lines[start]!)!;
  const bodies: string[][] = [];
  let loose = false;
  let i = start;
  while (i < lines.length && !HR.test(lines[i]!)) {
    const it = listItem(lines[i]!);
    if (!it || !sameList(first, it)) break;
    const body = [it.content];
    for (i++; i < lines.length; ) {
      const l = lines[i]!;
      if (isBlank(l)) {
        let k = i;
        while (k < lines.length && isBlank(lines[k]!)) k++;
        if (k >= lines.length || indentOf(lines[k]!) < it.indent) break;
        loose = true; // blank line inside an item
        body.push(...lines.slice(i, k).map(() => ''));
        i = k;
      } else if (indentOf(l) >= it.indent) {
        body.push(l.slice(it.indent));
        i++;
      } else if (listItem(l) || interrupts(l, depth + 1)) {
        break;
      } else {
        body.push(l); // lazy continuation of the item's paragraph
        i++;
      }
    }
    bodies.push(body);
    let k = i;
    while (k < lines.length && isBlank(lines[k]!)) k++;
    if (k > i && k < lines.length && sameList(first, listItem(lines[k]!)) && !HR.test(lines[k]!)) {
      loose = true;
      i = k;
    }
  }
  const tag = first.ordered ? 'ol' : 'ul';
  const startAttr = first.ordered && first.start !== 1 ? ` start="${first.start}"` : '';
  const items = bodies.map((b) => `<li>${renderBlocks(b, ctx, depth + 1, !loose)}</li>`);
  return { html: `<${tag}${startAttr}>\n${items.join('\n')}\n</${tag}>`, end: i };
}

function renderBlocks(lines: string[], ctx: Ctx, depth: number, tight = false): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = fenceOpen(line);
    if (fence) {
      const code: string[] = [];
      for (i++; i < lines.length; i++) {
        const l = lines[i]!;
        const close = FENCE.exec(l);
        const marker = close?.[2] ?? '';
        if (close && marker[0] === fence.fence[0] && marker.length >= fence.fence.length && !close[3]!.trim()) break;
        code.push(l.slice(Math.min(indentOf(l), fence.indent)));
      }
      i++; // closing fence (an unclosed fence runs to the end of its container)
      const lang = fence.info.split(/\s/)[0] ?? '';
      const cls = /^[\w+#.-]{1,32}$/.test(lang) ? ` class="language-${escapeHtml(lang)}"` : '';
      out.push(`<pre><code${cls}>${escapeHtml(code.join('\n'))}${code.length ? '\n' : ''}</code></pre>`);
      continue;
    }
    const h = heading(line);
    if (h) {
      const tag = headingTag(h.level);
      if (h.text) out.push(`<${tag}>${inline(h.text, ctx, 0)}</${tag}>`); // empty headings are dropped (a11y)
      i++;
      continue;
    }
    if (HR.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (depth < MAX_DEPTH && QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length) {
        const l = lines[i]!;
        if (QUOTE.test(l)) inner.push(l.replace(/^ {0,3}> ?/, ''));
        else if (isBlank(l) || interrupts(l, depth) || isBlank(inner[inner.length - 1] ?? '')) break;
        else inner.push(l); // lazy continuation line
        i++;
      }
      out.push(`<blockquote>\n${renderBlocks(inner, ctx, depth + 1)}\n</blockquote>`);
      continue;
    }
    if (depth < MAX_DEPTH && listItem(line)) {
      const list = renderList(lines, i, ctx, depth);
      out.push(list.html);
      i = list.end;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i]!;
      if (isBlank(l) || (para.length > 0 && interrupts(l, depth))) break;
      para.push(l.trim()); // every newline inside a paragraph renders as <br> (a trailing '\' is consumed)
      i++;
    }
    const html = inline(para.join('\n'), ctx, 0);
    out.push(tight ? html : `<p>${html}</p>`);
  }
  return out.join('\n');
}

function normalizeOrigin(origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}

/**
 * Renders Markdown to HTML that is safe to insert unescaped (e.g. via hono/jsx `raw()`).
 * @throws RangeError when the input is longer than MAX_MARKDOWN_LENGTH characters.
 */
export function renderMarkdown(md: string, options: MarkdownOptions = {}): string {
  if (md.length > MAX_MARKDOWN_LENGTH) {
    throw new RangeError(`Teks terlalu panjang (maksimum 200.000 karakter).`);
  }
  const ctx: Ctx = { origin: normalizeOrigin(options.siteOrigin) };
  const lines = md
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '\uFFFD')
    .split('\n')
    .map((l) => (l.includes('\t') ? l.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, '    ')) : l));
  return renderBlocks(lines, ctx, 0);
}

/**
 * Plain text for summaries / meta descriptions: Markdown syntax stripped, whitespace collapsed, and when longer
 * than `maxLen` cut at a word boundary with '…' (result length ≤ maxLen). The result is NOT HTML-escaped.
 */
export function markdownToPlainText(md: string, maxLen?: number): string {
  const html = renderMarkdown(md).replace(/<br>|<\/(?:p|h[2-6]|li|blockquote|pre)>|<hr>/g, ' ');
  const text = htmlToText(html).replace(/\s+/g, ' ').trim();
  if (maxLen === undefined || text.length <= maxLen) return text;
  if (maxLen < 1) return '';
  let cut = text.slice(0, maxLen - 1);
  const space = cut.lastIndexOf(' ');
  if (text.charAt(maxLen - 1) !== ' ' && space >= maxLen / 2) cut = cut.slice(0, space);
  let e = cut.length;
  while (e > 0 && /[\s.,;:!?\-–—(\[]/.test(cut.charAt(e - 1))) e--;
  if (e > 0 && /[\uD800-\uDBFF]/.test(cut.charAt(e - 1))) e--; // never split a surrogate pair
  return `${cut.slice(0, e)}…`;
}
