import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { browserFor, loginAs, loginWith, TEST_PASSWORD } from '../helpers/auth';
import { get } from '../helpers/http';

async function auditRows(action: string) {
  return (await env.DB.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY at').bind(action).all<Record<string, unknown>>()).results;
}

describe('staged handover', () => {
  it('Diskominfo moves several regions at once with a reason; history and audit are kept; public pages unchanged', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const before = await (await get('/kaubun')).text();
    const res = await admin.post('/admin/wilayah/tahap', {
      codes: ['64.08.15', '64.08.15.2001', '64.08.15.2002'],
      stage: 'pendampingan',
      reason: 'Pelatihan operator selesai',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/wilayah?diubah=3');
    const stages = (await env.DB.prepare("SELECT code, stage FROM regions WHERE code IN ('64.08.15','64.08.15.2001','64.08.15.2002')").all<{ stage: string }>())
      .results;
    expect(stages.map((s) => s.stage)).toEqual(['pendampingan', 'pendampingan', 'pendampingan']);
    const history = (
      await env.DB.prepare("SELECT * FROM stage_history WHERE region_code = '64.08.15'").all<{ from_stage: string; to_stage: string; reason: string }>()
    ).results;
    expect(history).toEqual([expect.objectContaining({ from_stage: 'diskominfo', to_stage: 'pendampingan', reason: 'Pelatihan operator selesai' })]);
    const audit = await auditRows('region.stage');
    expect(audit.filter((a) => String(a.region_code).startsWith('64.08.15'))).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actor_type: 'user', actor_id: admin.userId });
    expect(audit[0]!.request_id).toBeTruthy();
    const after = await (await get('/kaubun')).text();
    expect(after).toBe(before);

    const page = await (await admin.get('/admin/wilayah/64.08.15')).text();
    expect(page).toContain('Pelatihan operator selesai');
    const again = await admin.post('/admin/wilayah/tahap', { codes: '64.08.15', stage: 'mandiri', reason: 'Siap mandiri penuh' });
    expect(again.headers.get('Location')).toBe('/admin/wilayah?diubah=1');
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM stage_history WHERE region_code = '64.08.15'").first<{ n: number }>())!.n).toBe(2);
  });

  it('refuses a stage change without reason or stage, keeping the choices', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const res = await admin.post('/admin/wilayah/tahap', { codes: '64.08.16', stage: 'mandiri', reason: '' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Tuliskan alasan perubahan');
    expect(html).toMatch(/value="64.08.16" checked/);
    expect((await admin.post('/admin/wilayah/tahap', { codes: '64.08.16', stage: 'selesai', reason: 'alasan yang cukup' })).status).toBe(422);
    expect((await admin.post('/admin/wilayah/tahap', { stage: 'mandiri', reason: 'alasan yang cukup' })).status).toBe(422);
    expect((await admin.post('/admin/wilayah/tahap', { codes: 'bukan-kode', stage: 'mandiri', reason: 'alasan yang cukup' })).status).toBe(422);
  });

  it('local operators cannot see or change stages (404), and the stage decides who publishes', async () => {
    const op = await loginAs([['operator_kecamatan', '64.08.04']]);
    expect((await op.get('/admin/wilayah')).status).toBe(404);
    expect((await op.get('/admin/wilayah/64.08.04')).status).toBe(404);
    const res = await op.post('/admin/wilayah/tahap', { codes: '64.08.04', stage: 'mandiri', reason: 'mencoba sendiri' });
    expect([403, 404]).toContain(res.status);
    expect((await env.DB.prepare("SELECT stage FROM regions WHERE code = '64.08.04'").first<{ stage: string }>())!.stage).toBe('diskominfo');
  });
});

describe('user management', () => {
  it('Diskominfo creates an operator with a temporary password, who must change it at first login', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const res = await admin.post('/admin/pengguna', {
      name: 'Siti Operator',
      username: 'op.kaubun1',
      email: 'siti@example.id',
      password: 'Sementara-Kaubun-01',
      role: 'operator_desa',
      region_code: '64.08.15.2001',
    });
    expect(res.status).toBe(303);
    const user = await env.DB.prepare("SELECT * FROM users WHERE username = 'op.kaubun1'").first<{
      id: string;
      must_change_password: number;
      password_hash: string;
    }>();
    expect(user!.must_change_password).toBe(1);
    expect(user!.password_hash).toMatch(/^pbkdf2-sha256\$\d+\$/);
    expect(user!.password_hash).not.toContain('Sementara');
    const login = await loginWith('siti@example.id', 'Sementara-Kaubun-01');
    expect(login.headers.get('Location')).toBe('/admin/akun');
    expect((await auditRows('user.create')).some((a) => a.entity_id === user!.id && !String(a.after_json).includes('Sementara'))).toBe(true);
  });

  it('validates new accounts: duplicate names, weak passwords, role/level mismatch, script tags', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const base = { name: 'Budi', username: 'op.dupe', password: 'Sementara-Kuat-2026', role: 'operator_desa', region_code: '64.08.15.2002' };
    expect((await admin.post('/admin/pengguna', base)).status).toBe(303);
    const dupe = await admin.post('/admin/pengguna', { ...base, name: 'Budi Lain' });
    expect(dupe.status).toBe(409);
    expect(await dupe.text()).toContain('Nama pengguna sudah dipakai');
    const weak = await admin.post('/admin/pengguna', { ...base, username: 'op.weak', password: 'bismillah' });
    expect(weak.status).toBe(422);
    const level = await admin.post('/admin/pengguna', { ...base, username: 'op.level', role: 'operator_desa', region_code: '64.08.15' });
    expect(level.status).toBe(422);
    expect(await level.text()).toContain('Operator desa harus ditempatkan');
    const xss = await admin.post('/admin/pengguna', { ...base, username: '<script>', name: '<script>alert(1)</script>' });
    expect(xss.status).toBe(422);
    const body = await xss.text();
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it("assigns and revokes memberships; revoking ends the user's sessions at once", async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const addRes = await admin.post(`/admin/pengguna/${op.userId}/peran`, { role: 'ppid', region_code: '64.08.04' });
    expect(addRes.status).toBe(303);
    const ms = (await env.DB.prepare('SELECT id, role FROM memberships WHERE user_id = ?').bind(op.userId).all<{ id: string; role: string }>()).results;
    expect(ms.map((m) => m.role).sort()).toEqual(['operator_desa', 'ppid']);
    expect((await op.get('/admin')).status).toBe(303); // version bumped: must log in again
    const op2 = await browserFor(op.username, TEST_PASSWORD, op.userId);
    const ppid = ms.find((m) => m.role === 'ppid')!;
    expect((await admin.post(`/admin/pengguna/${op.userId}/peran/${ppid.id}/cabut`, {})).status).toBe(303);
    expect((await op2.get('/admin')).status).toBe(303);
    expect((await auditRows('membership.remove')).length).toBeGreaterThan(0);
    // htmx inline revoke answers a fragment instead of a redirect
    await admin.post(`/admin/pengguna/${op.userId}/peran`, { role: 'ppid', region_code: '64.08.04' });
    const again = (await env.DB.prepare("SELECT id FROM memberships WHERE user_id = ? AND role = 'ppid'").bind(op.userId).first<{ id: string }>())!;
    const inline = await admin.post(`/admin/pengguna/${op.userId}/peran/${again.id}/cabut`, {}, { headers: { 'HX-Request': 'true' } });
    expect(inline.status).toBe(200);
    expect(await inline.text()).toBe('<li role="status">Peran dicabut. Sesi pengguna ini telah diakhiri.</li>');
  });

  it('resets passwords and deactivates accounts (which cannot log in any more)', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const op = await loginAs([['operator_desa', '64.08.04.2011']]);
    expect((await admin.post(`/admin/pengguna/${op.userId}/sandi`, { password: 'Baru-Sementara-2026' })).status).toBe(303);
    expect((await op.get('/admin')).status).toBe(303);
    expect((await loginWith(op.username, TEST_PASSWORD)).status).toBe(422);
    expect((await loginWith(op.username, 'Baru-Sementara-2026')).status).toBe(303);
    expect((await admin.post(`/admin/pengguna/${op.userId}/status`, { aktif: '0' })).status).toBe(303);
    expect((await loginWith(op.username, 'Baru-Sementara-2026')).status).toBe(422);
    expect((await admin.post(`/admin/pengguna/${admin.userId}/status`, { aktif: '0' })).status).toBe(409);
  });

  it('hides user management from everyone but Diskominfo', async () => {
    const roles = [
      ['operator_kecamatan', '64.08.04'],
      ['operator_desa', '64.08.04.2012'],
      ['ppid', '64.08.04'],
      ['penanganan_pengaduan', '64.08.04'],
    ] as const;
    for (const [role, region] of roles) {
      const b = await loginAs([[role, region]]);
      expect((await b.get('/admin/pengguna')).status, role).toBe(404);
      expect((await b.get('/admin/audit')).status, role).toBe(404);
      expect((await b.get('/admin/mitra')).status, role).toBe(404);
      expect(
        (await b.post('/admin/pengguna', { name: 'X', username: 'op.x', password: 'Sementara-Kuat-2026', role: 'operator_desa', region_code: '64.08.04.2012' }))
          .status,
        role,
      ).toBe(404);
      const home = await (await b.get('/admin')).text();
      expect(home).not.toContain('href="/admin/pengguna"');
    }
  });
});

describe('audit log', () => {
  it('is append-only: SQL UPDATE and DELETE are refused', async () => {
    await loginAs([['diskominfo', '64.08']]);
    const row = await env.DB.prepare('SELECT id FROM audit_log LIMIT 1').first<{ id: string }>();
    expect(row).toBeTruthy();
    await expect(env.DB.prepare("UPDATE audit_log SET summary = 'x' WHERE id = ?").bind(row!.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('DELETE FROM audit_log WHERE id = ?').bind(row!.id).run()).rejects.toThrow(/append-only/);
  });

  it('filters by user, region, action and date and shows times in WITA', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    await admin.post('/admin/wilayah/tahap', { codes: '64.08.17', stage: 'pendampingan', reason: 'Uji saring audit' });
    const byRegion = await (await admin.get('/admin/audit?wilayah=64.08.17&aksi=region.stage')).text();
    expect(byRegion).toContain('Uji saring audit');
    expect(byRegion).toContain('WITA');
    const other = await (await admin.get('/admin/audit?wilayah=64.08.18&aksi=region.stage')).text();
    expect(other).not.toContain('Uji saring audit');
    const byUser = await (await admin.get(`/admin/audit?pengguna=${admin.username}`)).text();
    expect(byUser).toContain('Uji saring audit');
    const future = await (await admin.get('/admin/audit?dari=2099-01-01')).text();
    expect(future).toContain('Tidak ada catatan');
    const bad = await admin.get('/admin/audit?dari=kemarin&aksi=<x>');
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain('Tanggal harus YYYY-MM-DD');
  });
});

describe('role homes', () => {
  it('each role lands on its own home listing only its regions', async () => {
    const desa = await loginAs([['operator_desa', '64.08.04.2012']]);
    const html = await (await desa.get('/admin')).text();
    expect(html).toContain('Wilayah yang Anda kelola (1)');
    expect(html).toContain('Desa Swarga Bara');
    expect(html).not.toContain('Desa Singa Gembara');
    const kec = await loginAs([['operator_kecamatan', '64.08.04']]);
    expect(await (await kec.get('/admin')).text()).toContain('Wilayah yang Anda kelola (5)');
    const dk = await loginAs([['diskominfo', '64.08']]);
    expect(await (await dk.get('/admin')).text()).toContain('Wilayah yang Anda kelola (160)');
  });
});
