import { env } from 'cloudflare:test';
import type { Browser } from './auth';

/** Sets a region's management stage directly (tests of the stage flow). */
export async function setStage(code: string, stage: 'diskominfo' | 'pendampingan' | 'mandiri'): Promise<void> {
  await env.DB.prepare('UPDATE regions SET stage = ? WHERE code = ?').bind(stage, code).run();
}

/** A real 1×1 PNG. */
export const PNG_1X1 = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

/** A PNG header claiming width×height pixels (enough for the pixel-limit check). */
export function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

/** A small but structurally valid one-page PDF whose text includes `marker`. */
export function pdfBytes(marker: string): Uint8Array {
  const stream = `BT /F1 12 Tf 56 780 Td (${marker.replace(/[()\\]/g, '')}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

export function fileOf(bytes: Uint8Array, name: string, type = 'application/octet-stream'): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
}

/** Multipart form from plain fields plus optional files. */
export function multipart(fields: Record<string, string>, files: Record<string, File> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const [k, f] of Object.entries(files)) fd.append(k, f);
  return fd;
}

/** Creates a post through the admin form; returns its id (throws with the page text on failure). */
export async function createPostAs(b: Browser, fields: Record<string, string>, files: Record<string, File> = {}): Promise<string> {
  const res = await b.postMultipart('/admin/konten', multipart({ kind: 'berita', body_md: 'Isi tulisan uji.', ...fields }, files));
  const loc = res.headers.get('Location') ?? '';
  const id = /^\/admin\/konten\/([A-Za-z0-9-]+)\?/.exec(loc)?.[1];
  if (res.status !== 303 || !id) throw new Error(`create failed: ${res.status} ${(await res.text()).slice(0, 2000)}`);
  return id;
}

export async function postRow(id: string) {
  return env.DB.prepare('SELECT * FROM posts WHERE id = ?').bind(id).first<{
    id: string;
    status: string;
    slug: string;
    region_code: string;
    published_at: number | null;
    review_note: string | null;
    cover_key: string | null;
    cover_media: string | null;
    title: string;
  }>();
}

/**
 * A small XML well-formedness check (tags balanced and properly nested, attributes quoted, no stray '<' or bare '&').
 * Returns null when well-formed, else a description of the first problem.
 */
export function xmlProblem(xml: string): string | null {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  const checkText = (t: string) => {
    if (t.includes('<')) return `stray '<' in text: ${t.slice(0, 60)}`;
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(t)) return `bare '&' in text: ${t.slice(0, 60)}`;
    return null;
  };
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const problem = checkText(body.slice(last, m.index));
    if (problem) return problem;
    last = tag.lastIndex;
    const [, close, name, , selfClose] = m;
    if (close) {
      if (stack.pop() !== name) return `unbalanced </${name}>`;
    } else if (!selfClose) stack.push(name!);
    if (stack.length === 0 && body.slice(last).trim() !== '') return 'content after the root element';
  }
  const rest = checkText(body.slice(last));
  if (rest) return rest;
  return stack.length ? `unclosed <${stack[stack.length - 1]}>` : null;
}
