// Peak memory of the image pipeline per photo, for `npm run bench`. Each photo is processed in a fresh Node process
// running the Worker's own pipeline code (scripts/lib/media-node.mjs); the figure is the growth of the process's peak
// resident memory (VmHWM) over its size just before processing — the pipeline's own working set (input bytes,
// WebAssembly memories, bitmaps, outputs), to be compared with the Worker's 128 MB.
import { spawnSync } from 'node:child_process';
import { ROOT } from './local.mjs';

export const WORKER_MEMORY = 128 * 1024 * 1024;

const CHILD = `
import { readFileSync } from 'node:fs';
const mem = () => Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
const rss = () => Number(/VmRSS:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
const { processImage, metadataFound } = await import(process.env.MEDIA_BUNDLE);
const input = new Uint8Array(readFileSync(process.env.PHOTO));
globalThis.gc?.();
const before = rss();
const peakBefore = mem();
const t0 = performance.now();
const out = await processImage(input);
const ms = performance.now() - t0;
const peak = mem();
process.stdout.write(JSON.stringify({
  ms, before, peak, peakBefore, growth: Math.max(0, peak - Math.max(before, peakBefore)),
  width: out.header.width, height: out.header.height, decoded: [out.stats.decodedWidth, out.stats.decodedHeight],
  derivatives: out.derivatives.map((d) => ({ size: d.size, format: d.format, bytes: d.bytes.byteLength, w: d.width, h: d.height, clean: metadataFound(d.bytes).length === 0 })),
}));
`;

/** Runs the pipeline on each photo in its own process. `bundle`: path of the Node bundle from media-node.mjs. */
export function measurePipeline(bundle, photos) {
  return photos.map(({ name, path }) => {
    const res = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', CHILD], {
      cwd: ROOT,
      env: { ...process.env, MEDIA_BUNDLE: bundle, PHOTO: path },
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 4 * 1024 * 1024,
    });
    if (res.status !== 0) return { name, error: (res.stderr || res.error?.message || 'gagal').trim().split('\n').slice(-3).join(' ') };
    return { name, ...JSON.parse(res.stdout) };
  });
}
