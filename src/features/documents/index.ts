import { regionHref } from '../../regions/paths';
import type { FeatureDescriptor } from '../descriptor';
import { documentAdminRoutes } from './admin-routes';
import { documentAttention } from './attention';
import { uploadCleanupJob } from './chunked-cleanup';
import { documentsApi } from './api';
import { documentsHomeBlock } from './home-block';
import { importDocument } from './import-target';
import { listSitemapDocuments } from './repo';
import { documentRoutes } from './routes';
import { documentHref } from './views';

const SITEMAP_MAX_DOCUMENTS = 40_000;

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
  async sitemap({ db, regions }) {
    const documents = await listSitemapDocuments(db, SITEMAP_MAX_DOCUMENTS);
    return [
      ...regions.map((r) => ({ path: regionHref(r.path, 'dokumen'), lastmod: r.lastContentUpdate })),
      ...documents.map((d) => ({ path: documentHref(d), lastmod: d.updatedAt })),
    ];
  },
  importTargets: { document: importDocument },
  jobs: [uploadCleanupJob],
};
