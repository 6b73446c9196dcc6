import type { ActionContext } from '../../auth/actor';
import type { Db } from '../../db/client';
import type { ImportFormat } from '../../db/schema';
import type { Bindings } from '../../env';
import { sha256Hex } from '../../lib/encoding';
import { uploadMaxBytes } from '../../lib/upload';
import type { FixedPageSlug } from '../../regions/fixed-pages';
import { type HostTarget, normalizeOldPath, redirectTargets, upsertRedirect } from '../../regions/old-links';
import { regionHref } from '../../regions/paths';
import type { ImportedOutcome, ImportTargets } from '../import-targets';
import { htmlToMarkdown, imageUrls, linkUrls, MAX_BODY_CHARS } from './convert';
import type { SourceDocument, SourceItem, SourceMedia, SourcePost } from './items';
import { type Fetcher, fetchableHost, fetchFile, type StoredImage, storeImportedImage } from './media';
import { findLinks, saveLink } from './repo';

/**
 * One item of an import, start to end: skipped at once when its source is unchanged since the last import (nothing
 * fetched, nothing written), else its files fetched and stored, its HTML converted with links and images rewritten,
 * the post or document written by the owning feature's import target, and a redirect recorded for every old URL.
 */
export interface ItemRun {
  db: Db;
  env: Bindings;
  fetch: Fetcher;
  targets: ImportTargets;
  ctx: ActionContext;
  format: ImportFormat;
  region: HostTarget;
  siteUrl: string;
  siteHosts: ReadonlySet<string>;
  publishDirectly: boolean;
  /** Counters across the chunk: files fetched (the chunk's budget), images stored, redirects recorded. */
  fetches: number;
  imagesStored: number;
  redirects: number;
}

export interface ItemResult {
  outcome: 'dibuat' | 'diperbarui' | 'tetap' | 'dilewati' | 'gagal';
  reason: string | null;
  target: string | null;
}

const FIXED_PAGE_WORDS: Array<[RegExp, FixedPageSlug]> = [
  [/visi|misi/, 'visi-misi'],
  [/struktur|organisasi|perangkat|aparatur|pemerintah/, 'struktur-organisasi'],
  [/kontak|hubungi|alamat-kantor/, 'kontak'],
  [/maklumat/, 'maklumat-pelayanan'],
  [/profil|sejarah|tentang/, 'profil'],
];

/** The fixed page an old static page fills (profil, visi-misi …), by its slug and title; null when none fits. */
export function fixedPageFor(slug: string, title: string): FixedPageSlug | null {
  const text = `${slug} ${title}`.toLowerCase().replace(/\s+/g, '-');
  return FIXED_PAGE_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** An old URL of this site (relative, or on one of its hosts) in normalised form; null for other sites. */
function oldPathOf(run: ItemRun, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw, run.siteUrl || 'http://situs-lama.invalid');
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (!run.siteHosts.has(host) && !run.siteHosts.has(host.replace(/^www\./, '')) && host !== 'situs-lama.invalid') return null;
  return normalizeOldPath(`${url.pathname}${url.search}`);
}

const imageKey = (url: URL) => `img:${url.origin}${url.pathname}`.slice(0, 500);

async function recordRedirects(run: ItemRun, oldUrls: string[], target: string): Promise<void> {
  const paths = [...new Set(oldUrls.map((u) => oldPathOf(run, u)).filter((p): p is string => p !== null && p !== '/'))];
  if (paths.length === 0) return;
  await run.db.batch(
    paths.map((oldPath) => upsertRedirect(run.db, { regionCode: run.region.code, oldPath, target, source: run.format }, run.ctx.now)) as [
      ReturnType<typeof upsertRedirect>,
    ],
  );
  run.redirects += paths.length;
}

interface StoredImages {
  /** Page path of each stored image, by source address. */
  paths: Map<string, string>;
  /** R2 base and manifest of each stored image, by source address (a cover needs both). */
  stored: Map<string, { base: string; media: string | null }>;
  failures: string[];
}

/** Stored copies of images (by address): reused when an earlier import stored them, else fetched and stored now. */
async function storeImages(run: ItemRun, urls: URL[], folder: 'impor' | 'impor-sampul'): Promise<StoredImages> {
  const out: StoredImages = { paths: new Map(), stored: new Map(), failures: [] };
  const keyOf = (url: URL) => `${imageKey(url)}${folder === 'impor-sampul' ? '#sampul' : ''}`;
  const known = await findLinks(run.db, run.region.code, urls.map(keyOf));
  for (const url of urls) {
    const link = known.get(keyOf(url));
    if (link) {
      out.paths.set(url.href, link.target);
      out.stored.set(url.href, { base: link.entityId, media: link.media });
      continue;
    }
    if (!fetchableHost(run.siteHosts, url)) {
      out.failures.push(`Gambar dari situs lain (${url.hostname}) tidak diimpor.`);
      continue;
    }
    run.fetches++;
    const got = await fetchFile(run.fetch, url, uploadMaxBytes(run.env), ['image']);
    if (!got.ok) {
      out.failures.push(got.reason);
      continue;
    }
    let image: StoredImage;
    try {
      image = await storeImportedImage(run.env, url.href, got.file, folder);
    } catch (err) {
      out.failures.push(`Gambar ${url.pathname}: ${err instanceof Error && err.name === 'AppError' ? err.message : 'tidak dapat diolah'}`);
      continue;
    }
    run.imagesStored++;
    await saveLink(run.db, {
      regionCode: run.region.code,
      itemKey: keyOf(url),
      entityType: 'media',
      entityId: image.base,
      target: image.path,
      media: image.media,
      sourceHash: got.file.sha256,
      entityUpdatedAt: null,
      updatedAt: run.ctx.now,
    }).run();
    if (folder === 'impor') await recordRedirects(run, [url.href], image.path);
    out.paths.set(url.href, image.path);
    out.stored.set(url.href, { base: image.base, media: image.media });
  }
  return out;
}

async function importMedia(run: ItemRun, item: SourceMedia): Promise<ImportedOutcome | ItemResult> {
  let url: URL;
  try {
    url = new URL(item.fileUrl, run.siteUrl || undefined);
  } catch {
    return { outcome: 'gagal', reason: 'Alamat gambar tidak valid.', target: null };
  }
  const { paths, stored, failures } = await storeImages(run, [url], 'impor');
  const target = paths.get(url.href);
  const image = stored.get(url.href);
  if (!target || !image) return { outcome: 'gagal', reason: failures[0] ?? 'Gambar tidak dapat diimpor.', target: null };
  return { outcome: 'dibuat', id: image.base, path: target, updatedAt: run.ctx.now };
}

async function importDocumentItem(run: ItemRun, item: SourceDocument, unchangedSince: number | null): Promise<ImportedOutcome | ItemResult> {
  if (!run.targets.document) return { outcome: 'dilewati', reason: 'Fitur dokumen tidak terpasang.', target: null };
  let url: URL;
  try {
    url = new URL(item.fileUrl, run.siteUrl || undefined);
  } catch {
    return { outcome: 'gagal', reason: 'Alamat berkas tidak valid.', target: null };
  }
  if (!fetchableHost(run.siteHosts, url)) return { outcome: 'dilewati', reason: `Berkas di situs lain (${url.hostname}) tidak diambil.`, target: null };
  run.fetches++;
  const got = await fetchFile(run.fetch, url, uploadMaxBytes(run.env), ['pdf', 'office', 'image']);
  if (!got.ok) return { outcome: 'gagal', reason: got.reason, target: null };
  const year = item.year ?? new Date(item.publishedAt + 8 * 3_600_000).getUTCFullYear();
  return run.targets.document(
    run,
    {
      key: item.key,
      regionCode: run.region.code,
      title: item.title.slice(0, 200),
      description: item.description,
      category: item.category,
      infoCategory: item.infoCategory,
      year,
      publishedAt: item.publishedAt,
      file: got.file,
    },
    { publishDirectly: run.publishDirectly, unchangedSince },
    run.ctx,
  );
}

async function importPostItem(run: ItemRun, item: SourcePost, unchangedSince: number | null): Promise<ImportedOutcome | ItemResult> {
  if (!run.targets.post) return { outcome: 'dilewati', reason: 'Fitur konten tidak terpasang.', target: null };
  const base = run.siteUrl || 'http://situs-lama.invalid';
  const images = await storeImages(run, imageUrls(item.html, base), 'impor');
  let coverImage: { base: string; media: string | null } | null = null;
  if (item.coverUrl) {
    try {
      const cover = new URL(item.coverUrl, base);
      const stored = await storeImages(run, [cover], 'impor-sampul');
      coverImage = stored.stored.get(cover.href) ?? null;
      images.failures.push(...stored.failures);
    } catch {
      images.failures.push('Alamat gambar sampul tidak valid.');
    }
  }
  const internal = linkUrls(item.html, base)
    .map((u) => oldPathOf(run, u.href))
    .filter((p): p is string => p !== null);
  const known = await redirectTargets(run.db, run.region.code, [...new Set(internal)]);
  const converted = htmlToMarkdown(item.html, base, {
    image: (u) => images.paths.get(u.href) ?? null,
    link: (u) => {
      const old = oldPathOf(run, u.href);
      if (old === null) return u.href;
      if (old === '/') return regionHref(run.region.path);
      return known.get(old) ?? `${regionHref(run.region.path, 'situs-lama')}${old.startsWith('/?') ? old.slice(1) : old}`;
    },
  });
  if (converted.markdown.length > MAX_BODY_CHARS)
    return { outcome: 'dilewati', reason: 'Isi tulisan lebih dari 100.000 karakter; pindahkan secara manual.', target: null };
  const bodyMd = converted.markdown || `_${item.excerpt || 'Tulisan ini tidak berisi teks di situs lama.'}_`;
  const pageSlug = item.isPage ? fixedPageFor(item.slug, item.title) : null;
  const write = { publishDirectly: run.publishDirectly, unchangedSince };
  const post = {
    key: item.key,
    regionCode: run.region.code,
    kind: pageSlug ? ('halaman' as const) : ('berita' as const),
    pageSlug,
    title: item.title.slice(0, 200),
    bodyMd,
    summary: (item.excerpt || '').slice(0, 300),
    byline: item.author?.slice(0, 100) ?? null,
    publishedAt: item.publishedAt,
    slug: item.slug,
    coverKey: coverImage?.media ? coverImage.base : null,
    coverMedia: coverImage?.media ?? null,
    coverAlt: item.title.slice(0, 200),
  };
  let out = await run.targets.post(run, post, write, run.ctx);
  const notes = [...new Set(images.failures)];
  if (item.isPage && !pageSlug) notes.unshift('Halaman lama yang bukan halaman tetap (profil, visi-misi, …) dimasukkan sebagai berita.');
  if (out.outcome === 'dilewati' && pageSlug && out.id === null) {
    notes.unshift(`${out.reason} Halaman lama ini dimasukkan sebagai berita.`);
    out = await run.targets.post(run, { ...post, kind: 'berita', pageSlug: null }, write, run.ctx);
  }
  if (converted.droppedImages > 0 && notes.length === 0) notes.push(`${converted.droppedImages} gambar tidak dapat diimpor.`);
  return notes.length && out.outcome !== 'dilewati' ? { ...out, reason: notes.join(' ') } : out;
}

/** Imports one item; never throws (a failure is a result for the report). */
export async function importItem(run: ItemRun, item: SourceItem): Promise<ItemResult> {
  try {
    const hash = await sha256Hex(JSON.stringify([item, run.siteUrl, run.region.path]));
    const link = (await findLinks(run.db, run.region.code, [item.key])).get(item.key);
    if (link && link.sourceHash === hash) return { outcome: 'tetap', reason: null, target: link.target };
    const since = link?.entityUpdatedAt ?? null;
    const out =
      item.type === 'media'
        ? await importMedia(run, item)
        : item.type === 'document'
          ? await importDocumentItem(run, item, since)
          : await importPostItem(run, item, since);
    if (!('path' in out)) return out;
    if (out.outcome === 'dilewati') return { outcome: 'dilewati', reason: out.reason, target: out.path };
    await recordRedirects(run, item.oldUrls, out.path);
    await saveLink(run.db, {
      regionCode: run.region.code,
      itemKey: item.key,
      entityType: item.type,
      entityId: out.id,
      target: out.path,
      sourceHash: hash,
      entityUpdatedAt: out.updatedAt,
      updatedAt: run.ctx.now,
    }).run();
    return { outcome: out.outcome, reason: 'reason' in out ? ((out as { reason?: string }).reason ?? null) : null, target: out.path };
  } catch (err) {
    console.error(
      JSON.stringify({ msg: 'import item failed', key: item.key, requestId: run.ctx.requestId, err: err instanceof Error ? err.message : String(err) }),
    );
    const message = err instanceof Error && err.name === 'AppError' ? err.message : 'Kesalahan tak terduga saat mengimpor item ini.';
    return { outcome: 'gagal', reason: message, target: null };
  }
}
