import { describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { createPostAs, postRow, setStage } from '../helpers/content';

/** Review with eyes open: the reviewer sees the rendered post first, then the decision, then (folded down) the fields. */
const DESA = '64.08.04.2012';

describe('preview before approval', () => {
  it('shows the waiting post rendered as the public will see it, before the approve button; the author does not get the decision', {
    timeout: 60_000,
  }, async () => {
    await setStage(DESA, 'pendampingan');
    const op = await loginAs([['operator_desa', DESA]]);
    const title = `Jembatan ${crypto.randomUUID().slice(0, 6)}`;
    const id = await createPostAs(op, {
      region_code: DESA,
      title,
      body_md: 'Warga **bergotong royong**.\n\n## Hasil\n\n<script>alert(1)</script>',
      aksi: 'kirim',
    });

    const reviewer = await loginAs([['diskominfo', '64.08']]);
    const html = await (await reviewer.get(`/admin/konten/${id}`)).text();
    const preview = html.indexOf('Pratinjau: seperti yang akan dilihat warga');
    const approve = html.indexOf('Setujui dan terbitkan');
    const fields = html.indexOf('name="body_md"');
    expect(preview).toBeGreaterThan(0);
    expect(approve).toBeGreaterThan(preview);
    expect(fields).toBeGreaterThan(approve);
    const section = html.slice(preview, approve);
    expect(section).toContain('<strong>bergotong royong</strong>');
    expect(section).toContain('Hasil</h');
    expect(section).not.toContain('<script>alert(1)</script>');
    expect(html.match(/Setujui dan terbitkan/g)).toHaveLength(1);

    const author = await (await op.get(`/admin/konten/${id}`)).text();
    expect(author).not.toContain('Pratinjau: seperti yang akan dilihat warga');
    expect(author).not.toContain('Setujui dan terbitkan');

    expect((await reviewer.post(`/admin/konten/${id}/setujui`, { note: 'Bagus.' })).status).toBe(303);
    expect((await postRow(id))?.status).toBe('terbit');
  });
});
