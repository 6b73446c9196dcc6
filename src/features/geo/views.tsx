import type { FC } from 'hono/jsx';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import type { RegionShape } from './repo';
import { SvgMap, type SvgMapPlace } from '../../views/svg-map';

/** The small no-JavaScript map of a region home: boundary, children (linked) and places as dots. */
export const RegionSvgMap: FC<{ self: RegionShape; children: RegionShape[]; places?: SvgMapPlace[]; id?: string }> = ({ self, children, places, id }) => (
  <SvgMap
    id={id}
    title={`Peta ${regionTitle(self)}`}
    region={{ name: regionTitle(self), boundary: self.boundary, bbox: self.bbox }}
    children={children.map((ch) => ({
      name: regionTitle(ch),
      href: regionHref(ch.path),
      boundary: ch.boundary,
      lat: ch.lat,
      lng: ch.lng,
    }))}
    places={places}
  />
);
