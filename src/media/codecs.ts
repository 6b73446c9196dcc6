/**
 * The codecs of the image pipeline for deployments without the Cloudflare Images binding: MozJPEG and libwebp
 * (jSquash's builds of Squoosh's codecs, WebAssembly), fast-png (JavaScript) and libjpeg-turbo for scaled JPEG
 * decoding (./jpeg-turbo.ts). The .wasm files are imported as compiled modules (wrangler's and the vitest pool's
 * default rule for `*.wasm`), compiled once per isolate.
 *
 * Memory: a WebAssembly memory only grows and each Emscripten build starts at 16 MB, so module-wide codec instances
 * would keep 16–70 MB for the life of the isolate. Here every image gets its own instances (`openEncoders`, the
 * decoders) and drops them when done: after an image the isolate is back to its baseline. Resizing is done in
 * JavaScript (./pixels.ts `resizeArea`) for the same reason.
 */
import JPEG_ENC_WASM from '@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm';
import jpegEncoderFactory from '@jsquash/jpeg/codec/enc/mozjpeg_enc.js';
import { defaultOptions as JPEG_DEFAULTS } from '@jsquash/jpeg/meta';
import WEBP_DEC_WASM from '@jsquash/webp/codec/dec/webp_dec.wasm';
import webpDecoderFactory from '@jsquash/webp/codec/dec/webp_dec.js';
import WEBP_ENC_WASM from '@jsquash/webp/codec/enc/webp_enc_simd.wasm';
import webpEncoderFactory from '@jsquash/webp/codec/enc/webp_enc_simd.js';
import { defaultOptions as WEBP_DEFAULTS } from '@jsquash/webp/meta';
import { convertIndexedToRgb, decode as decodePngJs } from 'fast-png';
import type { Rgba } from './jpeg-turbo';

type Factory<T> = (options: object) => Promise<T>;

/** A fresh Emscripten instance of a precompiled module (no fetch, no file access). */
function instantiate<T>(factory: unknown, module: WebAssembly.Module): Promise<T> {
  return (factory as Factory<T>)({
    noInitialRun: true,
    instantiateWasm(imports: WebAssembly.Imports, callback: (i: WebAssembly.Instance) => void) {
      const instance = new WebAssembly.Instance(module, imports);
      callback(instance);
      return instance.exports;
    },
  });
}

interface JpegEncoderModule {
  encode(data: Uint8ClampedArray, width: number, height: number, options: typeof JPEG_DEFAULTS): Uint8Array;
}
interface WebpEncoderModule {
  encode(data: Uint8ClampedArray, width: number, height: number, options: typeof WEBP_DEFAULTS): Uint8Array | null;
}
interface WebpDecoderModule {
  decode(data: ArrayBuffer): { data: Uint8ClampedArray; width: number; height: number } | null;
}

export interface Encoders {
  jpeg(img: Rgba, quality: number): Uint8Array;
  webp(img: Rgba, quality: number): Uint8Array;
}

/** Encoders for one image; let the object go when the image is done and their memory goes with it. */
export async function openEncoders(): Promise<Encoders> {
  // The package's own init() feature-detects SIMD to pick a file; Workers and Node always have SIMD.
  const [jpeg, webp] = await Promise.all([
    instantiate<JpegEncoderModule>(jpegEncoderFactory, JPEG_ENC_WASM),
    instantiate<WebpEncoderModule>(webpEncoderFactory, WEBP_ENC_WASM),
  ]);
  return {
    jpeg: (img, quality) =>
      new Uint8Array(jpeg.encode(img.data, img.width, img.height, { ...JPEG_DEFAULTS, quality, progressive: true, optimize_coding: true })),
    webp(img, quality) {
      const out = webp.encode(img.data, img.width, img.height, { ...WEBP_DEFAULTS, quality, method: 4 });
      if (!out) throw new Error('webp encode failed');
      return new Uint8Array(out);
    },
  };
}

export async function decodeWebp(bytes: Uint8Array): Promise<Rgba> {
  const decoder = await instantiate<WebpDecoderModule>(webpDecoderFactory, WEBP_DEC_WASM);
  const out = decoder.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  if (!out) throw new Error('webp decode failed');
  return { data: out.data, width: out.width, height: out.height };
}

/** PNG of any colour type and depth to 8-bit RGBA (palette and transparency applied). */
export function decodePng(bytes: Uint8Array): Rgba {
  const png = decodePngJs(bytes);
  const { width, height } = png;
  const n = width * height;
  const out = new Uint8ClampedArray(n * 4);
  let src: ArrayLike<number> = png.data;
  let channels = png.channels;
  let max = png.depth === 16 ? 65535 : 255;
  if (png.palette) {
    src = convertIndexedToRgb(png);
    channels = png.palette[0]?.length === 4 ? 4 : 3;
    max = 255;
  } else if (png.depth < 8) {
    // Packed grey samples: unpack each byte-aligned row.
    const depth = png.depth;
    const rowBytes = Math.ceil((width * channels * depth) / 8);
    const unpacked = new Uint8Array(n * channels);
    for (let y = 0; y < height; y++) {
      for (let i = 0; i < width * channels; i++) {
        const bit = i * depth;
        const byte = png.data[y * rowBytes + (bit >> 3)] ?? 0;
        unpacked[y * width * channels + i] = (byte >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
      }
    }
    src = unpacked;
    max = (1 << depth) - 1;
  }
  const scale = 255 / max;
  for (let p = 0; p < n; p++) {
    const s = p * channels;
    const o = p * 4;
    if (channels >= 3) {
      out[o] = (src[s] ?? 0) * scale;
      out[o + 1] = (src[s + 1] ?? 0) * scale;
      out[o + 2] = (src[s + 2] ?? 0) * scale;
      out[o + 3] = channels === 4 ? (src[s + 3] ?? 0) * scale : 255;
    } else {
      const g = (src[s] ?? 0) * scale;
      out[o] = g;
      out[o + 1] = g;
      out[o + 2] = g;
      out[o + 3] = channels === 2 ? (src[s + 1] ?? 0) * scale : 255;
    }
  }
  return { data: out, width, height };
}
