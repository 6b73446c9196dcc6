import type { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { queryObject } from '../../lib/validation';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { regionPage } from '../../middleware/region-pages';
import { regionCrumbs } from '../../views/region-crumbs';
import { renderPage } from '../../views/render';
import { TrackBox } from '../../views/track-box';
import type { Tracker } from '../descriptor';

/** The word of the region tracking page (`/lacak`, `/{kec}/lacak`, `/{kec}/{desa}/lacak`), a region word of the site. */
export const TRACK_WORD = 'lacak';

/** "adu 7k3q 9xpd" → "ADU-7K3Q-9XPD": upper case, spaces and dashes folded into single dashes. */
export function normalizeTrackingNumber(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 40);
}

/** The tracker whose prefix the number starts with, or null. */
export function trackerFor(trackers: readonly Tracker[], nomor: string): Tracker | null {
  return trackers.find((t) => nomor.startsWith(`${t.prefix}-`)) ?? null;
}

/**
 * The one tracking page of a region: any number the portal issues goes in; a known prefix is sent (303) to its
 * section's tracking page in the same region, which looks it up and asks for a private code by POST. Numbers only
 * (no code) travel in the URL. Not cached: the answer depends on the query.
 */
export function mountTrackPage(app: Hono<AppEnv>, trackers: readonly Tracker[]): void {
  regionPage(
    app,
    `/${TRACK_WORD}`,
    (c) => {
      const ctx = c.get('region');
      const raw = queryObject(new URL(c.req.url)).nomor ?? '';
      const nomor = normalizeTrackingNumber(raw);
      const tracker = nomor ? trackerFor(trackers, nomor) : null;
      if (tracker) return c.redirect(`${regionHref(ctx.region.path, tracker.section, 'lacak')}?${new URLSearchParams({ nomor })}`, 303);
      const error = nomor ? `Nomor "${nomor}" tidak dikenal. Nomor pelacakan diawali ${trackers.map((t) => `${t.prefix}-`).join(', ')}.` : undefined;
      return renderPage(
        c,
        {
          title: `Lacak nomor · ${regionTitle(ctx.region)}`,
          nav: { regionPath: ctx.region.path, regionName: regionTitle(ctx.region), current: 'beranda' },
          breadcrumbs: regionCrumbs(ctx, { label: 'Lacak nomor' }),
        },
        <>
          <h1>Lacak nomor · {regionTitle(ctx.region)}</h1>
          <TrackBox regionPath={ctx.region.path} trackers={trackers} value={nomor} error={error} />
        </>,
        { status: error ? 400 : 200 },
      );
    },
    { cache: false },
  );
}
