// Demo news photos: camera-like JPEGs (2000×1500, with EXIF camera and GPS tags, as phones send them) drawn with
// sharp, then processed by the portal's own image pipeline (Node bundle of src/media) exactly as an upload would be:
// metadata stripped, thumbnail and article derivatives in WebP and JPEG. Run as a child process by
// scripts/lib/local.mjs (`node scripts/lib/demo-photos.mjs <outDir>`); writes the R2 objects under <outDir>/files,
// bulk-put lists per content type and manifests.json ({ postId: manifest }). Cached per recipe version.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sceneSvg } from './photo-scene.mjs';

export const RECIPE = 'demo-photos-v1';

/** [postId, seed, palette]: the newest news of the regency, the kecamatan and the village get a photo. */
export const DEMO_PHOTOS = [
  ['demo-kab-2', 7, 2],
  ['demo-kec-1', 19, 0],
  ['demo-desa-1', 31, 1],
];

/** R2 base key of a demo post's cover (fixed, so the seed is idempotent). */
export const demoCoverBase = (postId) =>
  `public/posts/DEMOCOVER${postId
    .replace(/[^a-z0-9]/gi, '')
    .toUpperCase()
    .padEnd(17, '0')
    .slice(0, 17)}`;

async function cameraJpeg(seed, palette) {
  const { default: sharp } = await import('sharp');
  const w = 2000;
  const h = 1500;
  const noise = await sharp({ create: { width: w, height: h, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 24 } } })
    .png()
    .toBuffer();
  const pixels = await sharp(sceneSvg(w, h, { seed, palette, redBand: false }))
    .composite([{ input: noise, blend: 'soft-light' }])
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 92 })
    .toBuffer();
  return sharp(pixels)
    .withExif({
      IFD0: { Make: 'Xiaomi', Model: 'Redmi Note 13', DateTime: '2026:03:02 08:14:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 31/1 2000/100', GPSLongitudeRef: 'E', GPSLongitude: '117/1 31/1 5000/100' },
    })
    .jpeg({ quality: 88 })
    .toBuffer();
}

export async function buildDemoPhotos(outDir) {
  const done = join(outDir, `${RECIPE}.json`);
  if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8'));
  const { loadMediaPipeline } = await import('./media-node.mjs');
  const media = await loadMediaPipeline();
  const manifests = {};
  const lists = {};
  for (const [postId, seed, palette] of DEMO_PHOTOS) {
    const processed = await media.processImage(new Uint8Array(await cameraJpeg(seed, palette)));
    const base = demoCoverBase(postId);
    const manifest = media.manifestOf(base, processed);
    const objects = [
      [media.originalKey(manifest), processed.original, processed.header.mime],
      ...processed.derivatives.map((d) => [media.derivativeKey(base, d.size, d.format), d.bytes, media.FORMAT_MIME[d.format]]),
    ];
    for (const [key, bytes, type] of objects) {
      const file = join(outDir, 'files', key);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      lists[type] ??= [];
      lists[type].push({ key, file });
    }
    manifests[postId] = manifest;
  }
  const result = { manifests, lists: {} };
  for (const [type, pairs] of Object.entries(lists)) {
    const list = join(outDir, `pairs-${type.replace('/', '-')}.json`);
    writeFileSync(list, JSON.stringify(pairs));
    result.lists[type] = list;
  }
  writeFileSync(done, JSON.stringify(result));
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node scripts/lib/demo-photos.mjs <outDir>');
  mkdirSync(out, { recursive: true });
  process.stdout.write(JSON.stringify(await buildDemoPhotos(out)));
}
