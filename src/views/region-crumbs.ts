import type { RegionContext } from '../regions/context';
import { regionTitle } from '../regions/labels';
import { regionHref } from '../regions/paths';
import type { Crumb } from './components';

/** Breadcrumbs of a region page: Kabupaten › Kecamatan › Desa, then the page's own `tail`. */
export function regionCrumbs(ctx: RegionContext, ...tail: Crumb[]): Crumb[] {
  return [...[...ctx.ancestors, ctx.region].map((r) => ({ label: regionTitle(r), href: regionHref(r.path) })), ...tail];
}
