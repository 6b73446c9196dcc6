import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

// Static assets are served by Workers Static Assets (not the app), with the headers of public/_headers.
describe('static assets', () => {
  it('are sent with X-Content-Type-Options: nosniff', async () => {
    for (const path of ['/css/site.css', '/icons/logo.svg', '/manifest.webmanifest', '/.well-known/security.txt']) {
      const res = await env.ASSETS.fetch(`https://portal.test${path}`);
      if (path === '/manifest.webmanifest' && res.status === 404) continue;
      expect(res.status, path).toBe(200);
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
    }
  });
});
