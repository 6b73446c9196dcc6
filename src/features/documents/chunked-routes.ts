import { Hono, type Context } from 'hono';
import { ZodError } from 'zod';
import type { AppEnv } from '../../env';
import { actionContext } from '../../admin/context';
import { problemResponse } from '../../api/problem';
import { AppError } from '../../lib/errors';
import { fieldErrorsOf } from '../../lib/validation';
import { CreateUploadBody, PartNumberParam } from './chunked-schemas';
import { abortUpload, completeUpload, createUploadSession, getUploadSession, uploadPart, type UploadDeps } from './chunked-service';

/**
 * JSON endpoints of chunked uploads for the document form's script (public/js/chunked-upload.js). They sit behind
 * the admin session and CSRF (header X-CSRF-Token) like every admin route, and answer errors as problem+json so the
 * script can show the message:
 *   POST   /admin/dokumen/unggahan                 { region_code, name, size, type?, sha256? } → 201 session
 *   GET    /admin/dokumen/unggahan/:id             the session with the parts received (for resuming)
 *   PUT    /admin/dokumen/unggahan/:id/bagian/:n   multipart/form-data, field `bagian`: part n (1-based)
 *   POST   /admin/dokumen/unggahan/:id/selesai     assemble and check → the file's type and SHA-256
 *   DELETE /admin/dokumen/unggahan/:id             give up (204)
 */
const deps = (c: Context<AppEnv>): UploadDeps => ({ db: c.get('db'), env: c.env });
const json = (c: Context<AppEnv>, body: unknown, status: 200 | 201 = 200) => {
  c.header('Cache-Control', 'no-store');
  return c.json(body, status);
};

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  if (!(c.req.header('Content-Type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('unsupported_media_type', 'Kirim data unggahan sebagai application/json.');
  }
  try {
    return await c.req.json();
  } catch {
    throw new AppError('bad_request', 'Data unggahan bukan JSON yang sah.');
  }
}

async function partBytes(c: Context<AppEnv>): Promise<Uint8Array> {
  if (!(c.req.header('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError('unsupported_media_type', 'Kirim bagian berkas sebagai multipart/form-data (kolom "bagian").');
  }
  const part = (await c.req.parseBody()).bagian;
  if (!(part instanceof File)) throw new AppError('validation', 'Bagian berkas tidak ada (kolom "bagian").');
  return new Uint8Array(await part.arrayBuffer());
}

export function chunkedUploadRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((err, c) => {
    if (err instanceof AppError) return problemResponse(c, err);
    if (err instanceof ZodError) return problemResponse(c, new AppError('validation', 'Data unggahan belum benar.', { fieldErrors: fieldErrorsOf(err) }));
    throw err;
  });

  app.post('/admin/dokumen/unggahan', async (c) => {
    const input = CreateUploadBody.parse(await jsonBody(c));
    return json(c, await createUploadSession(deps(c), input, actionContext(c)), 201);
  });

  app.get('/admin/dokumen/unggahan/:id', async (c) => json(c, await getUploadSession(deps(c), c.req.param('id'), actionContext(c))));

  app.put('/admin/dokumen/unggahan/:id/bagian/:n', async (c) => {
    const n = PartNumberParam.safeParse(c.req.param('n'));
    if (!n.success) throw new AppError('validation', n.error.issues[0]?.message ?? 'Nomor bagian tidak valid.');
    return json(c, await uploadPart(deps(c), c.req.param('id'), n.data, await partBytes(c), actionContext(c)));
  });

  app.post('/admin/dokumen/unggahan/:id/selesai', async (c) => json(c, await completeUpload(deps(c), c.req.param('id'), actionContext(c))));

  app.delete('/admin/dokumen/unggahan/:id', async (c) => {
    await abortUpload(deps(c), c.req.param('id'), actionContext(c));
    return c.body(null, 204);
  });

  return app;
}
