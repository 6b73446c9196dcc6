import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import type { RegionHomeBlock } from '../descriptor';
import { listRegionMapDots } from './places-repo';
import { regionWithChildrenShapes } from './repo';
import { RegionSvgMap } from './views';

/** The small server-rendered map of the region, its children and places, with a link to the interactive map. */
export const mapHomeBlock: RegionHomeBlock = {
  order: 40,
  async render({ db }, ctx) {
    const [shapes, dots] = await Promise.all([regionWithChildrenShapes(db, ctx.region.code), listRegionMapDots(db, ctx.region.code)]);
    return (
      <section aria-labelledby="peta-wilayah">
        <h2 id="peta-wilayah">Peta wilayah</h2>
        {shapes.self ? <RegionSvgMap self={shapes.self} children={shapes.children} places={dots} /> : null}
        <p>
          <a href={regionHref(ctx.region.path, 'peta')}>Buka peta {regionTitle(ctx.region)}</a>
        </p>
      </section>
    );
  },
};
