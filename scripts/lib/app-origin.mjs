// The canonical origin a production deploy must have: without it, absolute links (RSS, canonical, og:url) would
// follow the request's Host header, which anyone can set (cache poisoning). `npm run deploy` refuses to run without it.
import { readFileSync } from 'node:fs';

/** APP_ORIGIN from the environment, else from wrangler.toml [vars]; '' when unset. */
export function configuredAppOrigin(env = process.env, tomlText = readFileSync(new URL('../../wrangler.toml', import.meta.url), 'utf8')) {
  if (env.APP_ORIGIN) return env.APP_ORIGIN.trim();
  const m = /^\s*APP_ORIGIN\s*=\s*"([^"]*)"/m.exec(tomlText);
  return m ? m[1].trim() : '';
}

/** An Indonesian reason when `origin` cannot be the production origin, else null. */
export function appOriginProblem(origin) {
  if (!origin)
    return 'APP_ORIGIN belum diisi. Isi di wrangler.toml [vars] atau sebagai variabel lingkungan, mis. APP_ORIGIN=https://portal.kutaitimurkab.go.id.';
  let url;
  try {
    url = new URL(origin);
  } catch {
    return `APP_ORIGIN bukan alamat yang sah: ${origin}`;
  }
  if (url.protocol !== 'https:') return 'APP_ORIGIN harus diawali https://.';
  if (url.pathname !== '/' || url.search || url.hash || url.username)
    return 'APP_ORIGIN hanya berisi skema dan nama host, tanpa path, mis. https://portal.kutaitimurkab.go.id.';
  return null;
}
