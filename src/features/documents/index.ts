import type { FeatureDescriptor } from '../descriptor';
import { documentAdminRoutes } from './admin-routes';
import { documentAttention } from './attention';
import { uploadCleanupJob } from './chunked-cleanup';
import { documentsApi } from './api';
import { documentsHomeBlock } from './home-block';
import { importDocument } from './import-target';
import { countSitemapDocuments, listSitemapDocuments, sitemapDocumentKeyAt } from './repo';
import { documentRoutes } from './routes';
import { documentHref } from './views';

/** Public documents (SOP, LKJIP, APBDes …) with versions and downloads, and their editor. */
export const documentsFeature: FeatureDescriptor = {
  name: 'documents',
  routes: documentRoutes,
  adminRoutes: documentAdminRoutes,
  api: documentsApi,
  adminNav: [{ href: '/admin/dokumen', label: 'Dokumen', action: ['content.draft', 'content.review', 'document.declassify'], order: 30 }],
  attention: documentAttention,
  sections: ['dokumen'],
  regionHome: [documentsHomeBlock],
  sitemap: {
    name: 'dokumen',
    section: 'dokumen',
    count: (db) => countSitemapDocuments(db),
    keyAt: (db, _now, offset) => sitemapDocumentKeyAt(db, offset),
    async page(db, _now, after, limit) {
      const documents = await listSitemapDocuments(db, after, limit);
      return documents.map((d) => ({ key: d.id, path: documentHref(d), lastmod: d.updatedAt }));
    },
  },
  importTargets: { document: importDocument },
  jobs: [uploadCleanupJob],
};
