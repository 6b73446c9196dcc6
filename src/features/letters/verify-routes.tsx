/** The regency-wide verification page for the QR code on every letter: valid, dicabut or tidak dikenal. */
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../env';
import { queryObject } from '../../lib/validation';
import { renderPage } from '../../views/render';
import { letterDeps } from './deps';
import { verifyLetter } from './letter-service';
import { VerifyView } from './track-views';

export function mountVerifyRoutes(app: Hono<AppEnv>): void {
  const verify = async (c: Context<AppEnv>, code: string) => {
    const view = code ? await verifyLetter(letterDeps(c), code) : null;
    c.header('Cache-Control', 'no-store'); // a revocation shows at once
    c.header('X-Robots-Tag', 'noindex');
    return renderPage(
      c,
      { title: 'Verifikasi surat', breadcrumbs: [{ label: 'Beranda', href: '/' }, { label: 'Verifikasi surat' }] },
      <VerifyView view={view} code={code} />,
      { status: view && view.state === 'tidak_dikenal' ? 404 : 200 },
    );
  };
  app.get('/verifikasi', (c) => verify(c, (queryObject(new URL(c.req.url)).kode ?? '').trim().slice(0, 60)));
  app.get('/verifikasi/:code{[A-Za-z0-9-]{1,80}}', (c) => verify(c, c.req.param('code') ?? ''));
}
