import { describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { get } from '../helpers/http';

/** Phone-sized admin: the scan controls come before the long table; the footer knows the officer is logged in. */
describe('admin pages for officers on a phone', () => {
  it('monitoring shows the scan buttons before the region table', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const html = await (await admin.get('/admin/pemantauan')).text();
    const scan = html.indexOf('Jalankan pemindaian kesegaran');
    const table = html.indexOf('id="daftar-wilayah"');
    expect(scan).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(scan);
  });

  it('the footer offers the admin home to a logged-in officer and the login to everyone else', async () => {
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const admin = await (await op.get('/admin')).text();
    expect(admin).toContain('href="/admin">Beranda admin</a>');
    expect(admin).not.toContain('Masuk petugas');
    expect(await (await get('/wilayah')).text()).toContain('Masuk petugas');
  });
});
