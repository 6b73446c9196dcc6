import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import type { Db } from '../../db/client';
import { type ImportFormat, importJobs, regionHosts } from '../../db/schema';
import type { Bindings } from '../../env';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { authorize } from '../../regions/guard';
import { parseFeed } from './formats/feed';
import { type OpenSidSource, parseOpenSid } from './formats/opensid';
import { parseWxr } from './formats/wxr';
import { importOrder, type ParsedExport, type Problem, type SourceItem } from './items';

/**
 * Step 1 of an import: read the export, turn it into items, store only those (R2 `imports/<id>/items.json`, never the
 * export itself) and record the job with its preview — counts per kind, the problems found, a sample — for Diskominfo
 * to check before anything is written to the portal.
 */
export interface ImportSource {
  name: string;
  chunks: AsyncIterable<string>;
}

export interface NewImport {
  regionCode: string;
  format: ImportFormat;
  /** The old site's address; empty = from the export (WXR, feeds) or the region's first host name. */
  siteUrl: string;
  publishDirectly: boolean;
  sources: ImportSource[];
}

export interface ImportPreview {
  counts: { berita: number; halaman: number; dokumen: number; gambar: number; alamat_lama: number };
  problems: Problem[];
  sample: Array<{ title: string; publishedAt: number; type: string }>;
}

export interface StoredItems {
  siteUrl: string;
  items: SourceItem[];
}

export const MAX_PROBLEMS_SHOWN = 200;
export const itemsKey = (jobId: string) => `imports/${jobId}/items.json`;

async function wholeText(source: ImportSource): Promise<string> {
  let text = '';
  for await (const chunk of source.chunks) text += chunk;
  return text;
}

async function siteOf(db: Db, regionCode: string, typed: string): Promise<string> {
  const clean = typed.trim().replace(/\/+$/, '');
  if (clean) return clean;
  const host = await db.select({ host: regionHosts.host }).from(regionHosts).where(eq(regionHosts.regionCode, regionCode)).limit(1).get();
  return host ? `https://${host.host}` : '';
}

async function parseSources(db: Db, input: NewImport): Promise<ParsedExport> {
  if (input.sources.length === 0)
    throw new AppError('validation', 'Pilih berkas ekspor.', { fieldErrors: [{ field: 'file', message: 'Pilih berkas ekspor.' }] });
  if (input.format === 'opensid') return parseOpenSid(input.sources as OpenSidSource[], await siteOf(db, input.regionCode, input.siteUrl));
  if (input.sources.length > 1)
    throw new AppError('validation', 'Untuk format ini pilih satu berkas saja.', { fieldErrors: [{ field: 'file', message: 'Pilih satu berkas saja.' }] });
  const text = await wholeText(input.sources[0]!);
  const parsed = input.format === 'wxr' ? parseWxr(text) : parseFeed(text);
  const typed = input.siteUrl.trim().replace(/\/+$/, '');
  return { ...parsed, siteUrl: typed || parsed.siteUrl || (await siteOf(db, input.regionCode, '')) };
}

function previewOf(items: SourceItem[], problems: Problem[]): ImportPreview {
  const posts = items.filter((i) => i.type === 'post');
  return {
    counts: {
      berita: posts.filter((p) => !p.isPage).length,
      halaman: posts.filter((p) => p.isPage).length,
      dokumen: items.filter((i) => i.type === 'document').length,
      gambar: items.filter((i) => i.type === 'media').length + posts.reduce((n, p) => n + (p.html.match(/<img\b/gi)?.length ?? 0) + (p.coverUrl ? 1 : 0), 0),
      alamat_lama: items.reduce((n, i) => n + i.oldUrls.length, 0),
    },
    problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
    sample: posts.slice(-10).map((p) => ({ title: p.title, publishedAt: p.publishedAt, type: p.isPage ? 'halaman' : 'berita' })),
  };
}

export async function createImport(deps: { db: Db; env: Pick<Bindings, 'FILES'> }, input: NewImport, ctx: ActionContext): Promise<{ id: string }> {
  const { db } = deps;
  await authorize(db, ctx.actor, 'site.migrate', input.regionCode);
  const parsed = await parseSources(db, input);
  const seen = new Set<string>();
  const problems = [...parsed.problems];
  const items = importOrder(parsed.items).filter((i) => {
    if (seen.has(i.key)) {
      problems.push({ item: i.key, message: 'Muncul dua kali di berkas; hanya yang pertama diimpor.' });
      return false;
    }
    seen.add(i.key);
    return true;
  });
  if (items.length === 0) {
    const why = problems
      .slice(0, 3)
      .map((p) => p.message)
      .join(' ');
    throw new AppError('validation', `Tidak ada yang dapat diimpor dari berkas ini. ${why}`.trim(), {
      fieldErrors: [{ field: 'file', message: 'Tidak ada yang dapat diimpor dari berkas ini.' }],
    });
  }
  const id = newId(ctx.now);
  const stored: StoredItems = { siteUrl: parsed.siteUrl, items };
  await deps.env.FILES.put(itemsKey(id), JSON.stringify(stored), { httpMetadata: { contentType: 'application/json' } });
  const preview = previewOf(items, problems);
  await db.batch([
    db.insert(importJobs).values({
      id,
      regionCode: input.regionCode,
      format: input.format,
      sourceName: input.sources
        .map((s) => s.name)
        .join(', ')
        .slice(0, 300),
      siteUrl: parsed.siteUrl,
      publishDirectly: input.publishDirectly,
      status: 'pratinjau',
      total: items.length,
      previewJson: JSON.stringify(preview),
      createdBy: ctx.actor.id ?? 'sistem',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }),
    auditInsert(db, ctx, {
      action: 'import.preview',
      regionCode: input.regionCode,
      entityType: 'import',
      entityId: id,
      summary: `Membaca ekspor ${input.format.toUpperCase()} untuk diimpor: ${items.length} item`,
      after: preview.counts,
    }),
  ]);
  return { id };
}
