/**
 * Import targets: how content from a retired site (src/features/old-sites/) becomes posts and documents without the
 * importer touching the content or documents features. Those features implement this small contract in their
 * descriptor (`importTargets`) with their own services: the publishing workflow, the audit entry in the same batch,
 * the cache purge. The importer only normalises the source, stores its images and files, and records the redirects.
 *
 * Idempotency lives in the target: an item is identified by `key` within its region (posts.import_key,
 * documents.import_key, unique), so a second import updates the row it made, or leaves it alone when nothing
 * changed ('tetap'), and never inserts a second one.
 */
import type { ActionContext } from '../auth/actor';
import type { Db } from '../db/client';
import type { DocumentCategory, InfoCategory } from '../db/schema';
import type { Bindings } from '../env';
import type { CheckedUpload } from '../lib/upload';
import type { FixedPageSlug } from '../regions/fixed-pages';

export interface ImportDeps {
  db: Db;
  env: Pick<Bindings, 'PAGE_CACHE' | 'CACHE_GENERATION' | 'FILES'>;
}

export interface ImportWrite {
  /** The importer (Diskominfo) asked to publish without review; the workflow still decides (`importActions`). */
  publishDirectly: boolean;
  /**
   * When the item was written by the previous import (its `updatedAt` then): a row changed on the portal after that
   * is not overwritten. Null for an item the importer has not written before.
   */
  unchangedSince: number | null;
}

export interface ImportedPost {
  /** Stable key of the source item, e.g. 'wxr:post:123', 'opensid:artikel:45' (unique within the region). */
  key: string;
  regionCode: string;
  /** Old pages that match a fixed page (profil, visi-misi …) become that page; everything else is news. */
  kind: 'berita' | 'halaman';
  pageSlug: FixedPageSlug | null;
  title: string;
  /** Safe Markdown (converted from the old HTML, links and images already rewritten). */
  bodyMd: string;
  summary: string;
  /** The original author's name. */
  byline: string | null;
  /** The original publication date. */
  publishedAt: number;
  /** Wanted slug (the old one); the target makes it unique in the region. */
  slug: string;
  /** An image already stored through the image pipeline by the importer: its R2 base and its manifest (JSON). */
  coverKey: string | null;
  coverMedia: string | null;
  coverAlt: string;
}

export interface ImportedDocument {
  key: string;
  regionCode: string;
  title: string;
  description: string;
  category: DocumentCategory;
  /** As the old site published it (never `dikecualikan`: excluded information is not imported). */
  infoCategory: Exclude<InfoCategory, 'dikecualikan'>;
  year: number;
  publishedAt: number;
  /** The file, fetched and checked (size, type by magic bytes) by the importer. */
  file: CheckedUpload;
}

export type ImportedOutcome =
  | { outcome: 'dibuat' | 'diperbarui' | 'tetap'; id: string; path: string; updatedAt: number }
  | { outcome: 'dilewati'; reason: string; id: string | null; path: string | null };

export interface ImportTargets {
  post?: (deps: ImportDeps, item: ImportedPost, write: ImportWrite, ctx: ActionContext) => Promise<ImportedOutcome>;
  document?: (deps: ImportDeps, item: ImportedDocument, write: ImportWrite, ctx: ActionContext) => Promise<ImportedOutcome>;
}
