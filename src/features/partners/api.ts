import { Hono } from 'hono';
import { describeRoute } from '../../api/openapi';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { parseOrThrow } from '../../lib/validation';
import { rootRegionCode } from '../../regions/repo';
import { TokenRequest, TokenResponse } from './schemas';
import { issueToken } from './service';

describeRoute({
  method: 'post',
  path: '/oauth/token',
  tag: 'Mitra',
  summary: 'Client-credentials grant: exchange client_id/client_secret for a short-lived bearer token',
  description: 'Send as application/x-www-form-urlencoded or JSON, or with HTTP Basic client authentication. Tokens live 15 minutes.',
  body: TokenRequest,
  bodyContentTypes: ['application/x-www-form-urlencoded', 'application/json'],
  response: TokenResponse,
});

async function tokenInput(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get('Content-Type') ?? '';
  const length = Number(req.headers.get('Content-Length') ?? '0');
  if (length > 8192) throw new AppError('payload_too_large', 'Permintaan token terlalu besar.');
  let body: Record<string, unknown>;
  if (type.startsWith('application/json')) {
    try {
      const parsed: unknown = await req.json();
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      throw new AppError('bad_request', 'Body JSON tidak valid.');
    }
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    try {
      const form = await req.formData();
      body = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      throw new AppError('bad_request', 'Body formulir tidak valid.');
    }
  } else {
    throw new AppError('unsupported_media_type', 'Gunakan application/x-www-form-urlencoded atau application/json.');
  }
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(req.headers.get('Authorization') ?? '');
  if (basic) {
    try {
      const [id, secret] = atob(basic[1]!).split(':');
      body.client_id ??= decodeURIComponent(id ?? '');
      body.client_secret ??= decodeURIComponent(secret ?? '');
    } catch {
      throw new AppError('unauthorized', 'Header Basic tidak valid.');
    }
  }
  return body;
}

export function partnerApi(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/oauth/token', async (c) => {
    const input = parseOrThrow(TokenRequest, await tokenInput(c.req.raw));
    const token = await issueToken({ db: c.get('db'), secret: c.env.SESSION_SECRET, rootRegion: await rootRegionCode(c.get('db')) }, input, Date.now());
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');
    return c.json(token);
  });
  return app;
}
