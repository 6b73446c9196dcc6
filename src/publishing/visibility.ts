import { and, eq, gt, isNull, ne, type SQL } from 'drizzle-orm';
import { documents, places, tenders } from '../db/schema';

/**
 * What the public may see — one SQL condition per kind of content, used by every public page, feed, API answer,
 * sitemap and monitoring scan (posts have their own due-time rule in the content feature).
 */

/** Published documents with a file (the PPID's DIP lists these, `dikecualikan` ones only in its register). */
export function publishedDocument(): SQL {
  return and(eq(documents.status, 'terbit'), isNull(documents.deletedAt), gt(documents.currentVersion, 0)) as SQL;
}

/** Public documents: published and not `dikecualikan`. */
export function publicDocument(): SQL {
  return and(publishedDocument(), ne(documents.infoCategory, 'dikecualikan')) as SQL;
}

/** Public places: published. */
export function publicPlace(): SQL {
  return eq(places.status, 'terbit');
}

/** Public procurement packages: published (village packages after the workflow; regency packages always) and not deleted. */
export function publicTender(): SQL {
  return and(eq(tenders.publishStatus, 'terbit'), isNull(tenders.deletedAt)) as SQL;
}
