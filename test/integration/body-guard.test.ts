import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { ORIGIN } from '../helpers/http';
import { SELF } from '../helpers/worker';

/** A body streamed in chunks with no Content-Length (Transfer-Encoding: chunked on the wire). */
function chunked(totalBytes: number, prefix: string, fill = 'a'): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const chunk = enc.encode(fill.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        const head = enc.encode(prefix);
        sent += head.byteLength;
        controller.enqueue(head);
        return;
      }
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

function post(path: string, body: BodyInit, headers: Record<string, string>): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, { method: 'POST', body, headers: { Origin: ORIGIN, ...headers }, redirect: 'manual' });
}

const BOUNDARY = '----uji1234';

describe('request bodies', () => {
  it('malformed multipart answers 400 on public and admin forms, never 500', async () => {
    const truncated = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="login"\r\n\r\nabc`;
    for (const [type, body] of [
      ['multipart/form-data', 'login=abc'],
      ['multipart/form-data; boundary=', truncated],
      [`multipart/form-data; boundary=${BOUNDARY}`, truncated],
      [`multipart/form-data; boundary=${BOUNDARY}`, 'sampah tanpa batas'],
    ] as const) {
      const res = await post('/masuk', body, { 'Content-Type': type });
      expect(res.status, `${type}: ${body.slice(0, 20)}`).toBe(400);
      expect(await res.text()).toContain('Formulir tidak dapat dibaca');
    }
    const complaint = await post('/sangatta-utara/swarga-bara/pengaduan', truncated, { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` });
    expect(complaint.status).toBe(400);
    const admin = await loginAs([['diskominfo', '64.08']]);
    const res = await SELF.fetch(`${ORIGIN}/admin/tempat`, {
      method: 'POST',
      body: truncated,
      headers: { Origin: ORIGIN, Cookie: admin.cookie, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
  });

  it('a chunked form body over the limit answers 413 while it is read', async () => {
    const res = await post('/masuk', chunked(2 * 1024 * 1024, 'login=x&password='), { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Kiriman terlalu besar');
  });

  it('a 30 MB chunked multipart is refused with 413, and nothing is stored', async () => {
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM complaints').first<{ n: number }>();
    const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const res = await post('/sangatta-utara/swarga-bara/pengaduan', chunked(30 * 1024 * 1024, head), {
      'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
    });
    expect(res.status).toBe(413);
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM complaints').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it('a chunked JSON body over the API limit answers 413 problem+json', async () => {
    const res = await post('/api/v1/complaints', chunked(2 * 1024 * 1024, '{"x":"', 'b'), { 'Content-Type': 'application/json' });
    expect(res.status).toBe(413);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
  });

  it('ordinary forms and the partner token endpoint still read their bodies', async () => {
    const res = await post('/masuk', 'login=tidak.ada&password=salah-salah-salah', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(422);
    const token = await post('/api/v1/oauth/token', 'grant_type=client_credentials&client_id=x&client_secret=y', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(token.status).toBe(401);
  });
});
