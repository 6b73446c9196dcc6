import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDownload, signDownload } from '../../src/features/letters/download-link';
import { get } from '../helpers/http';
import { BASE, send, skuForm, submitSku, track } from '../helpers/letters-http';

const SECRET = 'test-session-secret-at-least-32-characters-long';

describe('letters: logs, links and limits', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs status changes with ids only: no NIK, KK, phone or name in any log line', async () => {
    const lines: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    const { number, code } = await submitSku({ nik: '6408041203907001', phone: '081377778888', name: 'Rudi Hartono' });
    await track(number, code);
    await track(number, code, 'batalkan');
    await get(`${BASE}/lacak?nomor=${number}`);
    const all = lines.join('\n');
    expect(all).toContain('letter status'); // the spy sees the worker's logs (so the checks below can fail)
    expect(all).toContain(number);
    expect(all).not.toMatch(/6408041203907001|6408041505180003|081377778888|Rudi|Hartono/);
  });

  it('download links are short-lived, bound to one request and kind, and refuse tampering', async () => {
    const now = Date.UTC(2026, 11, 1);
    const token = await signDownload(SECRET, '01JABCDEFGHJKMNPQRSTVWXYZ0', 'pdf', now);
    expect(await openDownload(SECRET, token, now + 60_000)).toEqual({ requestId: '01JABCDEFGHJKMNPQRSTVWXYZ0', kind: 'pdf' });
    expect(await openDownload(SECRET, token, now + 11 * 60_000)).toBeNull();
    expect(await openDownload('another-secret-another-secret-another-secret', token, now)).toBeNull();
    const [body, mac] = token.split('.');
    const forgedBody = btoa('01JOTHERREQUEST00000000000.pindaian.9999999999999').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(await openDownload(SECRET, `${forgedBody}.${mac}`, now)).toBeNull();
    expect(await openDownload(SECRET, `${body}.${mac!.slice(0, -1)}A`, now)).toBeNull();
    for (const bad of ['', '.', 'a.b.c', 'x'.repeat(400)]) expect(await openDownload(SECRET, bad, now)).toBeNull();
  });

  it('rate-limits new requests per client address (429 after the limit), never a 500', { timeout: 60_000 }, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await send('POST', `${BASE}/sk-usaha`, {
        body: skuForm({ nik: `64080412039070${String(10 + i)}` }),
        headers: { 'CF-Connecting-IP': '198.51.100.77' },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
