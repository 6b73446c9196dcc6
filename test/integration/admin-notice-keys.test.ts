import { describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';

/** `?ok=` names a confirmation line; a key of Object.prototype must not show one (it gave an empty status line). */
describe('admin confirmation lines from ?ok=', () => {
  it('ignores prototype keys on every admin page that reads them', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const pages = [
      '/admin/konten',
      '/admin/dokumen',
      '/admin/lelang',
      '/admin/tempat',
      '/admin/pengguna',
      '/admin/layanan/baru',
      '/admin/kalender',
      '/admin/situs-lama',
    ];
    for (const page of pages) {
      for (const key of ['constructor', 'toString', '__proto__']) {
        const res = await admin.get(`${page}?ok=${key}`);
        const html = await res.text();
        expect(res.status, `${page}?ok=${key}`).toBe(200);
        expect(html, `${page}?ok=${key}`).not.toMatch(/role=\"status\">\s*<\/|\[native code\]|\[object Object\]/);
      }
    }
  });
});
