// `/s/{code}`: short links for SMS, WhatsApp and posters (src/regions/short-links.ts). Nothing is stored: the code
// says where it goes. Tracking numbers go to their public tracking page (number only; a private code is asked there
// and sent by POST).
import type { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { regionHref } from '../../regions/paths';
import { findRegionByCode } from '../../regions/repo';
import { numberSection, parseShortCode } from '../../regions/short-links';

export function mountShortLinks(app: Hono<AppEnv>): void {
  app.get('/s/:code', async (c) => {
    const target = parseShortCode(c.req.param('code'));
    if (target?.kind === 'region') {
      const region = await findRegionByCode(c.get('db'), target.regionCode);
      if (region) {
        c.header('Cache-Control', 'public, max-age=3600');
        return c.redirect(target.section ? regionHref(region.path, target.section) : regionHref(region.path), 302);
      }
    } else if (target?.kind === 'number') {
      const section = numberSection(target.number);
      if (section) {
        c.header('Cache-Control', 'no-store');
        return c.redirect(`${regionHref('', section, 'lacak')}?${new URLSearchParams({ nomor: target.number })}`, 302);
      }
    }
    throw new AppError('not_found', 'Tautan pendek ini tidak dikenal. Periksa kembali tulisannya.');
  });
}
