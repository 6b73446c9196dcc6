// The worker under test, called in-process: the same `fetch` handler, env and bindings that the pool's `SELF`
// reaches, without the pool's per-request module import over RPC. When test files share a runner (isolate: false,
// see vitest.config.ts), each `SELF.fetch` got slower with every file the runner had run (20 ms → 300 ms per request
// after ten files); this call stays at about 1 ms. Redirects follow the fetch standard unless `redirect: 'manual'`.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../src/index';

const MAX_REDIRECTS = 20;

async function dispatch(request: Request, bindings: Cloudflare.Env = env): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(await withContentLength(request), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** Sends the body with a Content-Length, as a browser or the pool's service binding does (size limits read it). */
async function withContentLength(request: Request): Promise<Request> {
  if (request.body === null || request.headers.has('Content-Length')) return request;
  const bytes = await request.arrayBuffer();
  const headers = new Headers(request.headers);
  headers.set('Content-Length', String(bytes.byteLength));
  return new Request(request.url, { method: request.method, headers, body: bytes, redirect: request.redirect });
}

/** Mirrors `fetch()` against the worker: a string/URL/Request plus init; follows redirects unless told otherwise. */
async function fetchWorker(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let request = new Request(input, init);
  const mode = init?.redirect ?? (input instanceof Request ? input.redirect : 'follow');
  for (let hops = 0; ; hops += 1) {
    const replay = mode === 'follow' ? request.clone() : null;
    const response = await dispatch(request);
    const location = response.headers.get('Location');
    if (!replay || location === null || ![301, 302, 303, 307, 308].includes(response.status)) return response;
    if (hops >= MAX_REDIRECTS) throw new TypeError('worker fetch: too many redirects');
    await response.body?.cancel();
    const url = new URL(location, replay.url);
    const keepsBody = response.status === 307 || response.status === 308;
    const asGet = !keepsBody && (response.status === 303 || replay.method === 'POST') && replay.method !== 'HEAD';
    request = keepsBody
      ? new Request(url, { method: replay.method, headers: replay.headers, body: replay.body, redirect: 'follow' })
      : new Request(url, { method: asGet ? 'GET' : replay.method, headers: withoutBodyHeaders(replay.headers), redirect: 'follow' });
  }
}

function withoutBodyHeaders(headers: Headers): Headers {
  const out = new Headers(headers);
  for (const name of ['Content-Type', 'Content-Length', 'Content-Encoding', 'Content-Language', 'Content-Location']) out.delete(name);
  return out;
}

/** Drop-in for `SELF` from `cloudflare:test` in integration tests (only `fetch` is used). */
export const SELF = { fetch: fetchWorker };

/** One request with some bindings replaced (e.g. another PORTAL_NAME); no redirects followed. */
export function fetchWithBindings(input: RequestInfo | URL, overrides: Partial<Cloudflare.Env>, init?: RequestInit): Promise<Response> {
  return dispatch(new Request(input, init), { ...env, ...overrides });
}
