/**
 * JPEG decoding with decode-time downscaling: libjpeg-turbo's TurboJPEG API compiled to WebAssembly
 * (`@cwasm/jpeg-turbo`, a standalone module without Emscripten glue). Given a target box smaller than the photo,
 * `tjDecompress2` lets libjpeg decode the DCT blocks at 1/8…8/8 scale, so a 48 MP camera photo becomes a ~1 MP
 * bitmap without ever holding the full-size pixels (192 MB) in memory. The package's own loader reads the file with
 * `fs`, so this module drives the exported C functions directly.
 *
 * A fresh instance per photo: its memory (input copy + scaled output) is released with the instance after the call,
 * instead of a module-wide memory that keeps its largest size for the isolate's lifetime; and a corrupt photo that
 * aborts inside libjpeg cannot leave a damaged allocator behind. Compiling is done once (the imported module).
 */
import TURBO_WASM from '@cwasm/jpeg-turbo/jpeg-turbo.wasm';

const TJPF_RGBA = 7;

interface TurboExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  tjInitDecompress(): number;
  tjDestroy(handle: number): number;
  tjDecompressHeader3(handle: number, src: number, size: number, w: number, h: number, subsamp: number, colorspace: number): number;
  tjDecompress2(handle: number, src: number, size: number, dst: number, width: number, pitch: number, height: number, format: number, flags: number): number;
}

class LibjpegAbort extends Error {}

function instantiate(): TurboExports {
  const fail = () => {
    throw new LibjpegAbort('libjpeg aborted');
  };
  const imports = {
    // libjpeg reports fatal errors through longjmp: turning it into an exception unwinds the whole call.
    env: { setjmp: () => 0, longjmp: fail },
    wasi_snapshot_preview1: { environ_sizes_get: () => 0, environ_get: fail, proc_exit: fail, fd_close: fail, fd_seek: fail, fd_write: () => 0 },
  };
  return new WebAssembly.Instance(TURBO_WASM, imports).exports as unknown as TurboExports;
}

export interface Rgba {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The scale num/8 libjpeg will use so that the decoded image is the smallest one still covering `minLongSide`. */
export function jpegScaleFor(width: number, height: number, minLongSide: number): number {
  const long = Math.max(width, height);
  for (let num = 1; num < 8; num++) if (Math.ceil((long * num) / 8) >= minLongSide) return num;
  return 8;
}

/** Decodes a JPEG to RGBA at scale num/8 (8 = full size). Throws on anything libjpeg refuses (CMYK, corrupt data). */
export function decodeJpegScaled(bytes: Uint8Array, width: number, height: number, num: number): Rgba {
  const tj = instantiate();
  const outW = Math.ceil((width * num) / 8);
  const outH = Math.ceil((height * num) / 8);
  const src = tj.malloc(bytes.byteLength);
  const dst = tj.malloc(outW * outH * 4);
  const handle = tj.tjInitDecompress();
  if (!src || !dst || !handle) throw new Error('jpeg decoder out of memory');
  new Uint8Array(tj.memory.buffer, src, bytes.byteLength).set(bytes);
  // TurboJPEG picks the largest scaling factor whose output fits in outW×outH: exactly num/8 here.
  const status = tj.tjDecompress2(handle, src, bytes.byteLength, dst, outW, outW * 4, outH, TJPF_RGBA, 0);
  if (status !== 0) throw new Error('jpeg decode failed');
  const data = new Uint8ClampedArray(outW * outH * 4);
  data.set(new Uint8Array(tj.memory.buffer, dst, data.length));
  return { data, width: outW, height: outH };
}
