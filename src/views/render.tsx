import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../env';
import { isPartial } from '../lib/htmx';
import { portalName } from '../config';
import { Layout, type LayoutProps } from './layout';

export type PageProps = Omit<LayoutProps, 'assetVersion' | 'portalName' | 'children'>;

/**
 * Renders a full page, or only `fragment` for htmx requests (the same components either way).
 * `isPartial` is the one switch; the page cache varies its key on it.
 */
export function renderPage(c: Context<AppEnv>, props: PageProps, body: Child, options: { status?: number; fragment?: Child } = {}) {
  const status = (options.status ?? 200) as 200;
  if (options.fragment !== undefined && isPartial(c)) {
    c.header('Vary', 'HX-Request');
    return c.html(<>{options.fragment}</>, status);
  }
  return c.html(
    <Layout {...props} assetVersion={c.env.APP_VERSION} build={c.env.CACHE_GENERATION || '0'} portalName={portalName(c.env)}>
      {body}
    </Layout>,
    status,
  );
}
