/**
 * Inline half of the safe Markdown renderer (see markdown.ts): emphasis, code spans, links, images, autolinks.
 * Everything is HTML-escaped; URLs are allow-listed. Work stays linear-ish: emphasis uses the CommonMark
 * delimiter stack with openers_bottom, brackets are paired once up front, link tails are length-capped.
 */

const MAX_URL = 2048;
const MAX_TITLE = 512;

export interface Ctx {
  /** Normalised site origin, or null when unknown (then every http(s) link counts as external). */
  origin: string | null;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}
const UNESC: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
export const htmlToText = (html: string): string =>
  html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => UNESC[e] ?? '');

const isPunct = (c: string): boolean => /^[!-/:-@[-`{-~]$/.test(c);
const isUniPunct = (c: string): boolean => /^[\p{P}\p{S}]$/u.test(c);
const isSpace = (c: string): boolean => c === '' || /^\s$/u.test(c);

/** Allow-list: http(s)/mailto/tel for links, https for images, and '/path' (not '//' or '/\') for both. */
function safeUrl(raw: string, ctx: Ctx, image: boolean): { href: string; external: boolean } | null {
  // Browsers silently drop tab/CR/LF inside URLs, so 'java\tscript:' must be judged as 'javascript:'.
  const url = raw.replace(/[\t\n\r]/g, '').trim();
  if (url === '' || url.length > MAX_URL || /[\u0000-\u001f\u007f-\u009f]/.test(url)) return null;
  if (url.startsWith('/')) {
    if (url[1] === '/' || url[1] === '\\') return null;
    return { href: url.replace(/ /g, '%20'), external: false };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'https' || (scheme === 'http' && !image)) {
    try {
      const u = new URL(url);
      return { href: u.href, external: u.origin !== ctx.origin };
    } catch {
      return null;
    }
  }
  if (!image && (scheme === 'mailto' || scheme === 'tel')) return { href: url.replace(/ /g, '%20'), external: false };
  return null;
}

// ---------------------------------------------------------------- inline

interface Delim {
  ch: string;
  n: number;
  orig: number;
  idx: number;
  open: boolean;
  close: boolean;
  pre: string; // closing tags emitted before the remaining delimiter chars
  post: string; // opening tags emitted after them
  prev: Delim | null;
  next: Delim | null;
}

function unlink(d: Delim): void {
  if (d.prev) d.prev.next = d.next;
  if (d.next) d.next.prev = d.prev;
}

/** CommonMark "process emphasis" with openers_bottom, so runs of delimiters stay linear. */
function processEmphasis(head: Delim | null): void {
  const bottom = new Map<string, number>();
  let closer = head;
  while (closer) {
    if (!closer.close) {
      closer = closer.next;
      continue;
    }
    const c: Delim = closer;
    const key = `${c.ch}${c.open ? 1 : 0}${c.orig % 3}`;
    const floor = bottom.get(key) ?? -1;
    let o = c.prev;
    while (o && o.idx > floor) {
      const ruleOf3 = (o.close || c.open) && (o.orig + c.orig) % 3 === 0 && (o.orig % 3 !== 0 || c.orig % 3 !== 0);
      if (o.ch === c.ch && o.open && !ruleOf3) break;
      o = o.prev;
    }
    if (o && o.idx > floor) {
      const tag = o.n >= 2 && c.n >= 2 ? 'strong' : 'em';
      const use = tag === 'strong' ? 2 : 1;
      o.n -= use;
      c.n -= use;
      o.post = `<${tag}>${o.post}`;
      c.pre += `</${tag}>`;
      o.next = c; // delimiters in between can no longer match
      c.prev = o;
      if (o.n === 0) unlink(o);
      if (c.n === 0) {
        unlink(c);
        closer = c.next;
      }
    } else {
      bottom.set(key, c.prev ? c.prev.idx : -1);
      if (!c.open) unlink(c);
      closer = c.next;
    }
  }
}

/** For every '[' the index of its matching ']' (backslash escapes respected), else -1. */
function matchBrackets(s: string): Int32Array {
  const match = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) stack.push(i);
    else if (c === 93 && stack.length > 0) match[stack.pop()!] = i;
  }
  return match;
}

/** Parses `(dest "title")` starting at s[p] === '('. Work is capped per call. */
function linkTail(s: string, p: number): { url: string; title: string; end: number } | null {
  const lim = Math.min(s.length, p + MAX_URL + MAX_TITLE + 64);
  const ws = (): void => {
    while (p < lim && /[ \t\n]/.test(s.charAt(p))) p++;
  };
  const esc = (): string | null => (s.charAt(p) === '\\' && isPunct(s.charAt(p + 1)) ? s.charAt(++p) : null);
  p++;
  ws();
  let url = '';
  if (s.charAt(p) === '<') {
    for (p++; p < lim && s.charAt(p) !== '>'; p++) {
      if (s.charAt(p) === '<' || s.charAt(p) === '\n') return null;
      url += esc() ?? s.charAt(p);
    }
    if (p >= lim) return null;
    p++;
  } else {
    let depth = 0;
    for (; p < lim; p++) {
      const c = s.charAt(p);
      const e = esc();
      if (e !== null) url += e;
      else if (s.charCodeAt(p) <= 32 || isSpace(c) || (c === ')' && depth === 0)) break;
      else {
        if (c === '(' && ++depth > 32) return null;
        if (c === ')') depth--;
        url += c;
      }
    }
  }
  const before = p;
  ws();
  let title = '';
  const q = s.charAt(p);
  if (p > before && (q === '"' || q === "'" || q === '(')) {
    const endQ = q === '(' ? ')' : q;
    for (p++; p < lim && s.charAt(p) !== endQ; p++) {
      if (q === '(' && s.charAt(p) === '(') return null;
      title += esc() ?? s.charAt(p);
    }
    if (p >= lim) return null;
    p++;
    ws();
  }
  if (p >= lim || s.charAt(p) !== ')') return null;
  return { url, title, end: p + 1 };
}

const SPECIAL = /[\\\n`<![*_]/g;
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/iy;

/** level 0: links + images; 1: inside link text (images only); 2: image alt (no brackets). */
export function inline(src: string, ctx: Ctx, level: number): string {
  const out: (string | Delim)[] = [];
  const brackets = level < 2 ? matchBrackets(src) : null;
  const noCloser = new Set<number>();
  let head: Delim | null = null;
  let tail: Delim | null = null;
  let nd = 0;
  let text = '';
  const emit = (html: string): void => {
    if (text) out.push(escapeHtml(text));
    text = '';
    if (html) out.push(html);
  };
  let i = 0;
  while (i < src.length) {
    SPECIAL.lastIndex = i;
    const j = SPECIAL.exec(src)?.index ?? src.length;
    if (j > i) {
      text += src.slice(i, j);
      i = j;
      continue;
    }
    const c = src.charAt(i);
    if (c === '\\') {
      const n = src.charAt(i + 1);
      if (n === '\n') emit('<br>\n');
      else text += isPunct(n) ? n : `\\${n}`;
      i += n ? 2 : 1;
    } else if (c === '\n') {
      emit('<br>\n');
      i++;
    } else if (c === '`') {
      let k = i;
      while (src.charAt(k) === '`') k++;
      const len = k - i;
      let end = -1;
      for (let p = k; end < 0 && !noCloser.has(len); ) {
        p = src.indexOf('`', p);
        if (p < 0) {
          noCloser.add(len); // no run of this length anywhere after here: later openers skip the search
          break;
        }
        let r = p;
        while (src.charAt(r) === '`') r++;
        if (r - p === len) end = p;
        else p = r;
      }
      if (end < 0) text += src.slice(i, k);
      else {
        let code = src.slice(k, end).replace(/\n/g, ' ');
        if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
        emit(`<code>${escapeHtml(code)}</code>`);
      }
      i = end < 0 ? k : end + len;
    } else if (c === '<') {
      AUTOLINK.lastIndex = i;
      const m = level === 0 ? AUTOLINK.exec(src) : null;
      const u = m?.[1] ? safeUrl(m[1], ctx, false) : null;
      if (m && u) emit(anchor(u, '', escapeHtml(m[1] ?? '')));
      else text += m ? m[0] : '<';
      i += m ? m[0].length : 1;
    } else if ((c === '[' || (c === '!' && src.charAt(i + 1) === '[')) && brackets) {
      const image = c === '!';
      const open = image ? i + 1 : i;
      const close = brackets[open] ?? -1;
      const tailRes = close >= 0 && src.charAt(close + 1) === '(' && (image || level === 0) ? linkTail(src, close + 1) : null;
      if (!tailRes) {
        text += c;
        i++;
        continue;
      }
      const inner = src.slice(open + 1, close);
      const title = tailRes.title ? ` title="${escapeHtml(tailRes.title)}"` : '';
      if (image) {
        const alt = htmlToText(inline(inner, ctx, 2));
        const u = safeUrl(tailRes.url, ctx, true);
        if (u) emit(`<img src="${escapeHtml(u.href)}" alt="${escapeHtml(alt)}"${title} loading="lazy">`);
        else text += alt;
      } else {
        const u = safeUrl(tailRes.url, ctx, false);
        const body = inline(inner, ctx, 1);
        emit(u ? anchor(u, title, body) : body);
      }
      i = tailRes.end;
    } else if (c === '*' || c === '_') {
      let k = i;
      while (src.charAt(k) === c) k++;
      const before = i > 0 ? src.charAt(i - 1) : '';
      const after = src.charAt(k);
      const left = !isSpace(after) && (!isUniPunct(after) || isSpace(before) || isUniPunct(before));
      const right = !isSpace(before) && (!isUniPunct(before) || isSpace(after) || isUniPunct(after));
      const d: Delim = {
        ch: c, n: k - i, orig: k - i, idx: nd++, pre: '', post: '', prev: tail, next: null,
        open: c === '*' ? left : left && (!right || isUniPunct(before)),
        close: c === '*' ? right : right && (!left || isUniPunct(after)),
      };
      emit('');
      out.push(d);
      if (tail) tail.next = d;
      else head = d;
      tail = d;
      i = k;
    } else {
      text += c; // a lone '!'
      i++;
    }
  }
  emit('');
  processEmphasis(head);
  return out.map((p) => (typeof p === 'string' ? p : p.pre + p.ch.repeat(p.n) + p.post)).join('');
}

function anchor(u: { href: string; external: boolean }, title: string, body: string): string {
  const ext = u.external ? ' rel="noopener noreferrer nofollow" target="_blank"' : '';
  return `<a href="${escapeHtml(u.href)}"${title}${ext}>${body}</a>`;
}
