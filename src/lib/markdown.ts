/**
 * Markdown → safe HTML for news and pages written by non-technical staff, with markdown-it (CommonMark).
 * Safety: raw HTML off (always escaped), entities stay literal, links allow-listed (http/https/mailto/tel and
 * '/'-rooted paths; images https or '/'-rooted only), external links open in a new tab with rel=noopener noreferrer
 * nofollow. Choices made for how staff actually type:
 * - a single newline inside a paragraph becomes <br>; bare https://… in text becomes a link (linkify);
 * - the page owns the only <h1>: the article's first heading is <h2> and no heading is more than one level below
 *   the one before it (a lone `###` is <h2>, `#`→`###` is <h2>→<h3>), capped at <h6>; empty headings are dropped;
 * - no indented code blocks (accidental indentation stays text), no setext headings, no tables (alignment would be
 *   inline styles, which the CSP blocks, and wide tables break the one-column phone layout).
 */
import MarkdownIt, { type Token } from 'markdown-it';

export interface MarkdownOptions {
  /** This site's origin (e.g. 'https://desa.example'); absolute links to it are internal (no new tab). */
  siteOrigin?: string;
}

export const MAX_MARKDOWN_LENGTH = 200_000;
const MAX_URL = 2048;
const LANGUAGE = /^[\w+#.-]{1,32}$/;
const EXTERNAL: Array<[string, string]> = [
  ['rel', 'noopener noreferrer nofollow'],
  ['target', '_blank'],
];

type RenderEnv = { origin: string | null };

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

/** Stands in for a refused destination; never emitted (the link keeps only its text, an image only its alt). */
const BLOCKED = 'about:blank#diblokir';

/**
 * The allow-list, applied to every link and image destination (inline, reference, autolink, linkify): the href to
 * emit, or '' when the destination is not allowed.
 */
function safeHref(raw: string): string {
  // Browsers silently drop tab/CR/LF inside URLs, so 'java\tscript:' must be judged as 'javascript:'.
  const url = raw.replace(/[\t\n\r]/g, '').trim();
  if (url === '' || url.length > MAX_URL || /[\u0000-\u001f\u007f-\u009f]/.test(url)) return '';
  if (url.startsWith('/')) return url[1] === '/' || url[1] === '\\' ? '' : url.replace(/ /g, '%20');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      return new URL(url).href;
    } catch {
      return '';
    }
  }
  return scheme === 'mailto' || scheme === 'tel' ? url.replace(/ /g, '%20') : '';
}

const isExternal = (href: string, origin: string | null): boolean => {
  if (!/^https?:/i.test(href)) return false;
  try {
    return new URL(href).origin !== origin;
  } catch {
    return true;
  }
};

/** Refused links keep their text: inline and reference links lose the anchor, autolinks stay literal `<…>`. */
function dropBlockedLinks(children: Token[]): void {
  for (let i = 0; i < children.length; i++) {
    const open = children[i]!;
    if (open.type !== 'link_open' || open.attrGet('href') !== BLOCKED) continue;
    const close = children.findIndex((t, k) => k > i && t.type === 'link_close'); // links never nest
    const text = children[i + 1];
    if (open.markup === 'autolink' && text?.type === 'text') text.content = `<${text.content}>`;
    open.hidden = true;
    if (close > i) children[close]!.hidden = true;
  }
}

/** First heading → h2; each later one at most one level below the previous (an outline with no gaps). */
function outlineHeadings(tokens: Token[]): void {
  const stack: Array<{ source: number; level: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open') continue;
    if (!tokens[i + 1]?.content.trim()) {
      tokens.splice(i--, 3); // an empty heading is noise to a screen reader
      continue;
    }
    const close = tokens[i + 2]!;
    const source = Number(open.tag.slice(1));
    while (stack.length > 0 && stack[stack.length - 1]!.source > source) stack.pop();
    const top = stack[stack.length - 1];
    let level: number;
    if (top && top.source === source) level = top.level;
    else {
      level = top ? Math.min(6, top.level + 1) : 2;
      stack.push({ source, level });
    }
    open.tag = close.tag = `h${level}`;
  }
}

const attr = (token: Token, name: string): string => String(token.attrGet(name) ?? '');

function createRenderer() {
  const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false, maxNesting: 50 });
  md.disable(['code', 'lheading', 'table', 'entity', 'html_block', 'html_inline']);
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false }).add('ftp:', null).add('//', null);
  md.normalizeLink = (url) => safeHref(url) || BLOCKED;
  md.validateLink = (href) => href === BLOCKED || (href !== '' && safeHref(href) === href);
  md.core.ruler.push('portal_rules', (state) => {
    outlineHeadings(state.tokens);
    for (const t of state.tokens) if (t.type === 'inline' && t.children) dropBlockedLinks(t.children);
  });

  const { rules } = md.renderer;
  rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (token.hidden) return '';
    if (isExternal(attr(token, 'href'), (env as RenderEnv).origin)) for (const attr of EXTERNAL) token.attrPush(attr);
    return self.renderToken(tokens, idx, options);
  };
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = attr(token, 'src');
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    if (!/^(?:https:|\/)/i.test(src)) return escapeHtml(alt); // images only from this site or over https (never BLOCKED)
    const title = attr(token, 'title');
    return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ''} loading="lazy">`;
  };
  rules.fence = (tokens, idx) => {
    const token = tokens[idx]!;
    const lang = token.info.trim().split(/\s+/)[0] ?? '';
    const cls = LANGUAGE.test(lang) ? ` class="language-${escapeHtml(lang)}"` : '';
    const code = token.content && !token.content.endsWith('\n') ? `${token.content}\n` : token.content; // unclosed at the end
    return `<pre><code${cls}>${escapeHtml(code)}</code></pre>\n`;
  };
  return md;
}

let renderer: ReturnType<typeof createRenderer> | undefined; // built on first use, not at isolate start-up

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
  const env: RenderEnv = { origin: normalizeOrigin(options.siteOrigin) };
  // markdown-it escapes & < > " but not ' (markup never uses it: every attribute is double-quoted).
  renderer ??= createRenderer();
  return renderer.render(md, env).replace(/'/g, '&#39;').trimEnd();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * Plain text for summaries / meta descriptions: Markdown syntax stripped, whitespace collapsed, and when longer
 * than `maxLen` cut at a word boundary with '…' (result length ≤ maxLen). The result is NOT HTML-escaped.
 */
export function markdownToPlainText(md: string, maxLen?: number): string {
  const html = renderMarkdown(md).replace(/<br>|<\/(?:p|h[2-6]|li|blockquote|pre)>|<hr>/g, ' ');
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
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
