import type { Bindings } from '../../env';
import { sha256Hex } from '../../lib/encoding';
import { AppError } from '../../lib/errors';
import type { FileKind } from '../../lib/file-type';
import { type CheckedUpload, checkUpload, formatBytes } from '../../lib/upload';
import { serializeManifest } from '../../media/manifest';
import { saveImage } from '../../media/store';

/**
 * Files of the old site (images in articles, covers, documents) fetched during the import and checked like any
 * upload (size, type by magic bytes, image pixel limits: src/lib/upload.ts). Only from the old site's own hosts and the
 * image hosts of the common platforms (Blogger, WordPress.com): an address in hostile HTML never makes the portal fetch
 * elsewhere. Images are stored once per source address under `public/impor/<hash>.<ext>` (served by /media/…).
 *
 * Images go through the shared image pipeline (src/media: metadata stripped, thumb and article derivatives in WebP
 * and JPEG); pages reference only the derivatives (`/media/{base}/article`).
 */
const FETCH_TIMEOUT_MS = 15_000;
const PLATFORM_IMAGE_HOSTS = [
  /\.bp\.blogspot\.com$/,
  /^blogger\.googleusercontent\.com$/,
  /\.googleusercontent\.com$/,
  /^i[0-3]\.wp\.com$/,
  /\.files\.wordpress\.com$/,
];

export type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

/** Hosts the import may fetch from: the old site's (with and without www.), the region's mapped hosts, platform image hosts. */
export function fetchableHost(siteHosts: ReadonlySet<string>, url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  return siteHosts.has(host) || siteHosts.has(host.replace(/^www\./, '')) || PLATFORM_IMAGE_HOSTS.some((re) => re.test(host));
}

export type Fetched = { ok: true; file: CheckedUpload } | { ok: false; reason: string };

/** Fetches one file and checks it; never throws (a refusal is a reason for the report). */
export async function fetchFile(fetcher: Fetcher, url: URL, maxBytes: number, kinds: readonly FileKind[]): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetcher(url.href, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { Accept: '*/*' } });
  } catch (err) {
    return { ok: false, reason: `Berkas ${url.pathname} tidak dapat diambil dari situs lama (${err instanceof Error ? err.name : 'galat'}).` };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `Berkas ${url.pathname} tidak ada di situs lama (HTTP ${res.status}).` };
  }
  const declared = Number(res.headers.get('Content-Length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `Berkas ${url.pathname} terlalu besar (${formatBytes(declared)}; maksimal ${formatBytes(maxBytes)}).` };
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const name = decodeURIComponent(url.pathname.split('/').pop() || 'berkas');
  try {
    return { ok: true, file: await checkUpload(new File([bytes], name), 'file', { maxBytes, kinds }) };
  } catch (err) {
    return { ok: false, reason: `Berkas ${url.pathname}: ${err instanceof AppError ? err.message : 'tidak dapat diperiksa'}` };
  }
}

export interface StoredImage {
  /** R2 base of the image's files (public/impor/<hash>). */
  base: string;
  /** Its manifest (JSON), as posts keep it for their cover. */
  media: string;
  /** The derivative pages show (`/media/{base}/article`, WebP or JPEG by the browser's Accept). */
  path: string;
}

/** Stores an imported image once per source address, through the image pipeline. */
export async function storeImportedImage(
  env: Pick<Bindings, 'FILES' | 'IMAGES'>,
  sourceUrl: string,
  file: CheckedUpload,
  folder: 'impor' | 'impor-sampul',
): Promise<StoredImage> {
  const base = `public/${folder}/${(await sha256Hex(sourceUrl)).slice(0, 32)}`;
  const manifest = await saveImage(env.FILES, base, file.bytes, { field: 'file', images: env.IMAGES });
  return { base, media: serializeManifest(manifest), path: `/media/${base}/article` };
}
