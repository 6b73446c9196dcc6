import { regionHref } from '../../regions/paths';
import type { FeatureDescriptor } from '../descriptor';
import { contentAdminRoutes } from './admin-routes';
import { postsApi } from './api';
import { contentAttention } from './attention';
import { contentHomeBlocks } from './home-blocks';
import { importPost } from './import-target';
import { countSitemapPosts, listSitemapPosts, sitemapPostKeyAt } from './repo';
import { contentRoutes } from './routes';
import { scheduledPublishJobs } from './scheduled-publish';

/** News, announcements, agenda and the region's fixed pages: public pages, RSS, the editor and its review workflow. */
export const contentFeature: FeatureDescriptor = {
  name: 'content',
  routes: contentRoutes,
  adminRoutes: contentAdminRoutes,
  api: postsApi,
  adminNav: [{ href: '/admin/konten', label: 'Konten', action: 'content.draft', order: 20 }],
  attention: contentAttention,
  sections: ['berita'],
  regionHome: contentHomeBlocks,
  sitemap: {
    name: 'berita',
    section: 'berita',
    count: countSitemapPosts,
    keyAt: sitemapPostKeyAt,
    async page(db, now, after, limit) {
      const posts = await listSitemapPosts(db, now, after, limit);
      return posts.map((p) => ({
        key: p.id,
        path: p.kind === 'halaman' ? regionHref(p.regionPath, 'tentang', p.slug) : regionHref(p.regionPath, 'berita', p.slug),
        lastmod: Math.max(p.updatedAt, p.publishedAt ?? 0),
      }));
    },
  },
  jobs: scheduledPublishJobs,
  importTargets: { post: importPost },
};
