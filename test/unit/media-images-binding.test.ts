// The Cloudflare Images binding path, with a stand-in binding that really transforms pixels (decode, the requested
// flip/rotate/resize steps in order, encode — and it adds EXIF to what it returns, as a careless service might).
// Checks that the binding is handed no metadata at all, that the explicit orientation steps make the photo upright,
// that outputs are stripped and within budget, and that a failing binding falls back to the WebAssembly codecs.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { openEncoders } from '../../src/media/codecs';
import { decodeJpegScaled, type Rgba } from '../../src/media/jpeg-turbo';
import { metadataFound, readJpeg } from '../../src/media/metadata';
import { processImage } from '../../src/media/pipeline';
import { applyOrientation, fitInside, resizeArea } from '../../src/media/pixels';

const EXIF_TAIL = Uint8Array.from([0xff, 0xe1, 0, 16, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]);

function fakeImages(seen: { inputs: string[][] }): ImagesBinding {
  return {
    info: async () => ({ format: 'image/jpeg', fileSize: 0, width: 0, height: 0 }),
    hosted: {} as ImagesBinding['hosted'],
    input(stream: ReadableStream<Uint8Array>) {
      const steps: ImageTransform[] = [];
      const t: ImageTransformer = {
        transform(s) {
          steps.push(s);
          return t;
        },
        draw() {
          return t;
        },
        async output(o) {
          const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
          seen.inputs.push(metadataFound(bytes));
          const info = readJpeg(bytes);
          let img: Rgba = decodeJpegScaled(bytes, info?.width ?? 0, info?.height ?? 0, 2);
          for (const s of steps) {
            if (s.flip === 'h') img = applyOrientation(img, 2);
            if (s.flip === 'v') img = applyOrientation(img, 4);
            if (s.rotate === 90) img = applyOrientation(img, 6);
            if (s.rotate === 180) img = applyOrientation(img, 3);
            if (s.rotate === 270) img = applyOrientation(img, 8);
            if (s.width && s.height) {
              const box = fitInside(img.width, img.height, Math.max(s.width, s.height));
              img = resizeArea(img, box.width, box.height);
            }
          }
          const enc = await openEncoders();
          const out = o.format === 'image/webp' ? enc.webp(img, o.quality ?? 80) : enc.jpeg(img, o.quality ?? 80);
          const withExif: Uint8Array<ArrayBuffer> = new Uint8Array(o.format === 'image/jpeg' ? [...out.subarray(0, 2), ...EXIF_TAIL, ...out.subarray(2)] : out);
          return {
            response: () => new Response(withExif),
            contentType: () => o.format,
            image: () => new Response(withExif).body as ReadableStream<Uint8Array>,
          };
        },
      };
      return t;
    },
  };
}

/**
 * A fixture through the Node-side service binding, loaded once per file. On a busy machine the first request (which
 * generates the photo with sharp) can drop ("Network connection lost"); the photo is cached on disk by then, so a
 * retry is cheap and the test fails on its assertions, not on the plumbing.
 */
const loaded = new Map<string, Promise<Uint8Array>>();
async function fetchFixture(name: string, attempts = 3): Promise<Uint8Array> {
  try {
    const res = await env.MEDIA_FIXTURES.fetch(`http://fixtures/${name}`);
    if (!res.ok) throw new Error(`fixture ${name}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    if (attempts <= 1) throw err;
    return fetchFixture(name, attempts - 1);
  }
}
function fixture(name: string) {
  let p = loaded.get(name);
  if (!p) {
    p = fetchFixture(name);
    loaded.set(name, p);
  }
  return p;
}

describe('image pipeline through the Images binding', () => {
  it('hands the service a metadata-free photo, applies orientation explicitly, strips and budgets the output', { timeout: 180_000 }, async () => {
    const seen = { inputs: [] as string[][] };
    const out = await processImage(await fixture('camera-3mp-orientation-6.jpg'), { images: fakeImages(seen) });
    expect(out.stats.engine).toBe('images');
    expect(seen.inputs.length).toBeGreaterThanOrEqual(4);
    for (const found of seen.inputs) expect(found).toEqual([]); // not even the orientation tag
    for (const d of out.derivatives) {
      expect(metadataFound(d.bytes)).toEqual([]);
      expect(d.height).toBeGreaterThan(d.width);
      expect(d.bytes.byteLength).toBeLessThanOrEqual(d.size === 'thumb' ? 8192 : 61440);
    }
    const article = out.derivatives.find((d) => d.size === 'article' && d.format === 'jpeg');
    const img = decodeJpegScaled(article?.bytes ?? new Uint8Array(), article?.width ?? 0, article?.height ?? 0, 8);
    // The red band runs along the whole top edge (stored sideways it was the left edge).
    let red = 0;
    for (let x = 0; x < img.width; x++) if ((img.data[x * 4] ?? 0) > 200 && (img.data[x * 4 + 1] ?? 255) < 80) red++;
    expect(red / img.width).toBeGreaterThan(0.9);
    // The kept original agrees with its derivatives: upright (portrait 1500×2000) and without any EXIF.
    expect(metadataFound(out.original)).toEqual([]);
    expect(out.originalSize).toEqual({ width: 1500, height: 2000 });
  });

  it('falls back to the WebAssembly codecs when the binding fails', { timeout: 180_000 }, async () => {
    const broken = {
      ...fakeImages({ inputs: [] }),
      input: () => {
        throw new Error('service unavailable');
      },
    } as ImagesBinding;
    const out = await processImage(await fixture('screenshot.png'), { images: broken });
    expect(out.stats.engine).toBe('wasm');
    expect(out.derivatives).toHaveLength(4);
  });
});
