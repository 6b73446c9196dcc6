/**
 * The WebAssembly codecs of the image pipeline, for deployments without the Cloudflare Images binding:
 * MozJPEG and libwebp encoders and the libwebp/PNG decoders from jSquash (Squoosh's codecs, repackaged for Workers),
 * Squoosh's resize, and libjpeg-turbo for scaled JPEG decoding (./jpeg-turbo.ts). The .wasm files are imported as
 * compiled modules (wrangler's and the vitest pool's default rule for `*.wasm`) and instantiated once per isolate.
 */
import encodeJpegWasm, { init as initJpegEncoder } from '@jsquash/jpeg/encode';
import JPEG_ENC_WASM from '@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm';
import decodePngWasm, { init as initPngDecoder } from '@jsquash/png/decode';
// @ts-expect-error the .wasm.d.ts beside this file types the instance's exports; the import is the compiled module
import PNG_WASM from '@jsquash/png/codec/pkg/squoosh_png_bg.wasm';
import resizeWasm, { initResize } from '@jsquash/resize';
// @ts-expect-error as above
import RESIZE_WASM from '@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm';
import decodeWebpWasm, { init as initWebpDecoder } from '@jsquash/webp/decode';
import WEBP_DEC_WASM from '@jsquash/webp/codec/dec/webp_dec.wasm';
import webpEncoderFactory from '@jsquash/webp/codec/enc/webp_enc_simd.js';
import WEBP_ENC_WASM from '@jsquash/webp/codec/enc/webp_enc_simd.wasm';
import { defaultOptions as WEBP_DEFAULTS } from '@jsquash/webp/meta';
import type { Rgba } from './jpeg-turbo';

let ready: Promise<unknown> | null = null;
interface WebpEncoder {
  encode(data: Uint8ClampedArray, width: number, height: number, options: typeof WEBP_DEFAULTS): Uint8Array | null;
}
let webpEncoder: Promise<WebpEncoder> | null = null;

function instantiateWith(module: WebAssembly.Module) {
  return (imports: WebAssembly.Imports, callback: (i: WebAssembly.Instance) => void) => {
    const instance = new WebAssembly.Instance(module, imports);
    callback(instance);
    return instance.exports;
  };
}

function init(): Promise<unknown> {
  ready ??= Promise.all([initJpegEncoder(JPEG_ENC_WASM), initPngDecoder(PNG_WASM), initResize(RESIZE_WASM), initWebpDecoder(WEBP_DEC_WASM)]);
  // The package's own init() feature-detects SIMD and picks a file itself; Workers always have SIMD, so the SIMD build
  // is instantiated directly from the imported module.
  webpEncoder ??= (webpEncoderFactory as unknown as (o: object) => Promise<WebpEncoder>)({ noInitialRun: true, instantiateWasm: instantiateWith(WEBP_ENC_WASM) });
  return ready;
}

const imageData = (img: Rgba) => ({ data: img.data, width: img.width, height: img.height, colorSpace: 'srgb' }) as ImageData;

export async function decodePng(bytes: Uint8Array): Promise<Rgba> {
  await init();
  const out = await decodePngWasm(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { data: out.data, width: out.width, height: out.height };
}

export async function decodeWebp(bytes: Uint8Array): Promise<Rgba> {
  await init();
  const out = await decodeWebpWasm(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { data: out.data, width: out.width, height: out.height };
}

/** Lanczos3 resize (gamma-correct, premultiplied) to exactly width×height. */
export async function resize(img: Rgba, width: number, height: number): Promise<Rgba> {
  if (img.width === width && img.height === height) return img;
  await init();
  // The codec reads `data.buffer` whole: hand it a bitmap that owns its buffer exactly.
  const own = img.data.byteOffset === 0 && img.data.buffer.byteLength === img.data.length ? img.data : img.data.slice();
  const out = await resizeWasm(imageData({ ...img, data: own }), { width, height, method: 'lanczos3', fitMethod: 'stretch', premultiply: true, linearRGB: true });
  return { data: out.data, width: out.width, height: out.height };
}

export async function encodeJpeg(img: Rgba, quality: number): Promise<Uint8Array> {
  await init();
  return new Uint8Array(await encodeJpegWasm(imageData(img), { quality, progressive: true, optimize_coding: true }));
}

export async function encodeWebp(img: Rgba, quality: number): Promise<Uint8Array> {
  await init();
  const encoder = await (webpEncoder as Promise<WebpEncoder>);
  const out = encoder.encode(img.data, img.width, img.height, { ...WEBP_DEFAULTS, quality, method: 4 });
  if (!out) throw new Error('webp encode failed');
  return new Uint8Array(out);
}
