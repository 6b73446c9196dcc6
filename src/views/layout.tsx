import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { REGENCY } from '../config';
import { SECTIONS, SECTION_LABELS, regionHref, type Section } from '../regions/paths';
import { Breadcrumbs, type Crumb } from './components';

export interface SiteNav {
  regionPath: string;
  regionName: string;
  current?: Section | 'beranda';
}

export interface LayoutProps {
  title: string;
  description?: string;
  /** Public region navigation; admin pages pass their own. */
  nav?: SiteNav;
  breadcrumbs?: Crumb[];
  /** Extra scripts (beyond htmx) for this page only, e.g. the map library on map pages. */
  scripts?: string[];
  styles?: string[];
  meta?: Child;
  assetVersion: string;
  /** The deploy's cache generation: public pages load the outbox and register the service worker with it. */
  build?: string;
  portalName: string;
  children?: Child;
  /** Header slot (admin bar); defaults to the public search link. */
  header?: Child;
  /** Session CSRF token: htmx sends it on every request via hx-headers. */
  csrfToken?: string;
}

export const Layout: FC<LayoutProps> = (p) => (
  <>
    {raw('<!doctype html>')}
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · ${p.portalName}`}</title>
        {p.description ? <meta name="description" content={p.description} /> : null}
        <meta name="theme-color" content="#0b5d3b" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"historyCacheSize":0}' />
        <link rel="stylesheet" href={`/css/site.css?v=${p.assetVersion}`} />
        {(p.styles ?? []).map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <link rel="icon" href={REGENCY.emblem} type="image/svg+xml" />
        {p.build ? <link rel="manifest" href="/manifest.webmanifest" /> : null}
        {p.meta}
        <script src={`/vendor/htmx.min.js?v=${p.assetVersion}`} defer></script>
        {p.build ? <script src="/js/outbox-core.js" defer></script> : null}
        {p.build ? <script src={`/js/outbox.js?v=${encodeURIComponent(p.build)}`} data-assets={p.assetVersion} defer></script> : null}
        {(p.scripts ?? []).map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body hx-headers={p.csrfToken ? JSON.stringify({ 'X-CSRF-Token': p.csrfToken }) : undefined}>
        <a class="skip" href="#isi">
          Langsung ke isi
        </a>
        <header class="top">
          <div class="wrap top-row">
            <a class="brand" href="/">
              <img src={REGENCY.emblem} alt="" width="28" height="28" />
              <span>{p.portalName}</span>
            </a>
            {p.header ?? (
              <a class="top-link" href="/wilayah">
                Cari desa/kecamatan
              </a>
            )}
          </div>
          {p.nav ? <RegionNav {...p.nav} /> : null}
        </header>
        <main id="isi" class="wrap" tabindex={-1}>
          {p.breadcrumbs && p.breadcrumbs.length > 1 ? <Breadcrumbs items={p.breadcrumbs} /> : null}
          {p.children}
        </main>
        <footer class="foot">
          <div class="wrap">
            <p>{REGENCY.footer}</p>
            <ContactLine />
            <p>
              <a href="/wilayah">Semua wilayah</a> · <a href="/api/docs">API data terbuka</a> ·{' '}
              {p.csrfToken ? <a href="/admin">Beranda admin</a> : <a href="/masuk">Masuk petugas</a>}
            </p>
          </div>
        </footer>
      </body>
    </html>
  </>
);

/** The office that runs the portal, with whichever contact details are configured (src/config.ts). */
const ContactLine: FC = () => {
  const { office, address, phone, email, website } = REGENCY.contact;
  const parts: Child[] = [
    address,
    phone ? `Telp. ${phone}` : '',
    email ? <a href={`mailto:${email}`}>{email}</a> : '',
    website ? <a href={website}>{website.replace(/^https?:\/\//, '')}</a> : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? null : (
    <p>
      {office}: {parts.map((part, i) => (i === 0 ? part : <> · {part}</>))}
    </p>
  );
};

const RegionNav: FC<SiteNav> = ({ regionPath, regionName, current }) => (
  <nav class="sections" aria-label={`Menu ${regionName}`}>
    <ul class="wrap">
      <li>
        <a href={regionHref(regionPath)} aria-current={current === 'beranda' ? 'page' : undefined}>
          Beranda
        </a>
      </li>
      {SECTIONS.map((s) => (
        <li>
          <a href={regionHref(regionPath, s)} aria-current={current === s ? 'page' : undefined}>
            {SECTION_LABELS[s]}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);
