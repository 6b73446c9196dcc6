import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import type { RegionHomeBlock } from '../descriptor';
import { listPublicDocuments } from './repo';
import { DocumentList } from './views';

/** The latest public documents rolled up from the region's subtree, with a link to the full list. */
export const documentsHomeBlock: RegionHomeBlock = {
  order: 30,
  async render({ db }, ctx) {
    const documents = await listPublicDocuments(db, { regionCode: ctx.region.code, limit: 3, order: 'latest' });
    return (
      <section aria-labelledby="dokumen-publik">
        <h2 id="dokumen-publik">Dokumen publik</h2>
        {documents.length ? <DocumentList items={documents} showRegion={ctx.children.length > 0} /> : null}
        <p>
          SOP, LKJIP, Renstra, RKA, APBDes dan dokumen resmi lain:{' '}
          <a href={regionHref(ctx.region.path, 'dokumen')}>lihat daftar dokumen {regionTitle(ctx.region)}</a>.
        </p>
      </section>
    );
  },
};
