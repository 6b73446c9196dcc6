// The Worker's image pipeline (src/media) bundled for Node with esbuild, so scripts run the SAME code as the portal:
// the demo seed processes its photos with it, and `npm run bench` measures its peak memory per photo.
// `*.wasm` imports become compiled WebAssembly.Module objects, exactly what wrangler hands the Worker.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './local.mjs';

export const MEDIA_NODE_BUNDLE = join(ROOT, 'node_modules', '.cache', 'portal-media-node', 'media.mjs');
const OUT = MEDIA_NODE_BUNDLE;

const wasmAsModule = {
  name: 'wasm-as-module',
  setup(build) {
    build.onResolve({ filter: /\.wasm$/ }, async (args) => {
      if (args.pluginData?.wasm) return undefined; // the inner resolve below: let esbuild find the file
      const resolved = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, pluginData: { wasm: true } });
      return { path: resolved.path, namespace: 'wasm-module' };
    });
    build.onLoad({ filter: /.*/, namespace: 'wasm-module' }, (args) => ({
      contents: `export default new WebAssembly.Module(Buffer.from(${JSON.stringify(readFileSync(args.path).toString('base64'))}, 'base64'));`,
      loader: 'js',
    }));
  },
};

/** Builds the Node bundle of src/media; resolves its path. */
export async function buildMediaBundle() {
  const esbuild = await import('esbuild');
  mkdirSync(join(OUT, '..'), { recursive: true });
  await esbuild.build({
    stdin: {
      contents: `export { processImage } from './src/media/pipeline';
export { manifestOf, derivativeKey, originalKey, serializeManifest } from './src/media/manifest';
export { metadataFound } from './src/media/metadata';
export { FORMAT_MIME } from './src/media/limits';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: OUT,
    logLevel: 'error',
    plugins: [wasmAsModule],
    // The Emscripten glue references Node built-ins it only uses when loading files itself (never here).
    external: ['module', 'fs', 'path', 'url', 'worker_threads'],
  });
  return OUT;
}

/** Builds and imports the Node bundle: { processImage, manifestOf, derivativeKey, … }. */
export async function loadMediaPipeline() {
  return import(`${pathToFileURL(await buildMediaBundle()).href}?t=${Date.now()}`);
}
