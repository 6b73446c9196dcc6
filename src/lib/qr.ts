/**
 * QR codes for printed posters (kept library: lean-qr, pure JavaScript, no canvas needed). The output is an SVG path
 * in module units, so a poster can draw it at any size with crisp edges and no image file.
 */
import { correction, generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

export interface QrPath {
  /** The `d` of one <path>, in modules (1 unit = 1 module). */
  d: string;
  /** Modules per side, without the quiet zone. */
  size: number;
}

/** Medium error correction: survives a fold or a smudge on a notice board and stays scannable from ~1 m at A6 size. */
export function qrPath(text: string): QrPath {
  const code = generate(text, { minCorrectionLevel: correction.M });
  return { d: toSvgPath(code), size: code.size };
}
