// Stored images: every file under one base key, a manifest pages can render from, derivatives served by Accept and
// never the original through a derivative path.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { imageDimensions } from '../../src/lib/file-type';
import { allKeys, imgAttrs, parseManifest, serializeManifest } from '../../src/media/manifest';
import { processImage } from '../../src/media/pipeline';
import { deleteImage, derivativeResponse, negotiateFormat, parseDerivativePath, storeImage } from '../../src/media/store';

async function screenshot() {
  const res = await env.MEDIA_FIXTURES.fetch('http://fixtures/screenshot.png');
  return processImage(new Uint8Array(await res.arrayBuffer()));
}

describe('media storage', () => {
  it('stores original and derivatives, serves by Accept, deletes everything', { timeout: 60_000 }, async () => {
    const base = 'public/posts/TESTMEDIA0000000001';
    const m = await storeImage(env.FILES, base, await screenshot());
    expect(parseManifest(serializeManifest(m))).toEqual(m);
    expect(m).toMatchObject({ w: 1080, h: 2400, original: { ext: 'png' } });
    for (const key of allKeys(m)) expect(await env.FILES.head(key), key).not.toBeNull();

    const webp = await derivativeResponse(env.FILES, { base, size: 'thumb', format: null }, new Headers({ Accept: 'image/avif,image/webp,*/*' }));
    expect(webp.headers.get('Content-Type')).toBe('image/webp');
    expect(webp.headers.get('Vary')).toBe('Accept');
    const bytes = new Uint8Array(await webp.arrayBuffer());
    expect(bytes.byteLength).toBe(m.sizes.thumb.webp);
    expect(imageDimensions(bytes)).toEqual({ width: m.sizes.thumb.w, height: m.sizes.thumb.h });

    const jpeg = await derivativeResponse(env.FILES, { base, size: 'article', format: null }, new Headers({ Accept: 'image/*' }));
    expect(jpeg.headers.get('Content-Type')).toBe('image/jpeg');
    expect((await jpeg.arrayBuffer()).byteLength).toBe(m.sizes.article.jpeg);

    const etag = webp.headers.get('ETag') ?? '';
    const again = await derivativeResponse(env.FILES, { base, size: 'thumb', format: 'webp' }, new Headers({ 'If-None-Match': etag }));
    expect(again.status).toBe(304);

    await deleteImage(env.FILES, m);
    for (const key of allKeys(m)) expect(await env.FILES.head(key), key).toBeNull();
  });

  it('parses derivative paths only; originals and other names are not derivatives', () => {
    expect(parseDerivativePath('public/posts/ABC/thumb')).toEqual({ base: 'public/posts/ABC', size: 'thumb', format: null });
    expect(parseDerivativePath('public/posts/ABC/article.jpg')).toEqual({ base: 'public/posts/ABC', size: 'article', format: 'jpeg' });
    expect(parseDerivativePath('public/posts/ABC/original.jpg')).toBeNull();
    expect(parseDerivativePath('public/posts/ABC/thumb.gif')).toBeNull();
    expect(negotiateFormat(undefined)).toBe('jpeg');
    expect(negotiateFormat('image/webp,*/*')).toBe('webp');
  });

  it('manifests from the database are validated; broken ones are ignored', () => {
    expect(parseManifest(null)).toBeNull();
    expect(parseManifest('{not json')).toBeNull();
    expect(parseManifest(JSON.stringify({ v: 1, base: '../../etc', w: 1, h: 1 }))).toBeNull();
  });

  it('img attributes: lists get the thumbnail only, articles offer both with sizes', () => {
    const m = parseManifest(
      JSON.stringify({
        v: 1,
        base: 'public/posts/X1',
        w: 4000,
        h: 3000,
        original: { ext: 'jpg', bytes: 1 },
        sizes: { thumb: { w: 240, h: 180, webp: 1, jpeg: 1 }, article: { w: 800, h: 600, webp: 1, jpeg: 1 } },
      }),
    );
    if (!m) throw new Error('manifest');
    expect(imgAttrs(m, 'thumb')).toEqual({ src: '/media/public/posts/X1/thumb', width: 240, height: 180, loading: 'lazy', decoding: 'async' });
    const a = imgAttrs(m, 'article', { eager: true });
    expect(a).toMatchObject({ src: '/media/public/posts/X1/article', width: 800, height: 600, loading: 'eager' });
    expect(a.srcset).toBe('/media/public/posts/X1/thumb 240w, /media/public/posts/X1/article 800w');
    expect(a.sizes).toContain('100vw');
    expect(JSON.stringify(a)).not.toContain('original');
  });
});
