// The slice of pngjs (PNG decoding in Node) the e2e suite uses: decoding a screenshot for the QR decoder.
declare module 'pngjs' {
  export const PNG: { sync: { read(buffer: Uint8Array): { width: number; height: number; data: Uint8Array } } };
}
