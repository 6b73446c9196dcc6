/**
 * The QR code on a letter. Encoding (Reed–Solomon, masks, versions) is the `uqr` library's; this module only turns its
 * module matrix into the two forms the letter needs: a compact SVG for the HTML page (one path, runs of dark modules
 * per row — a few KB, crisp in print) and the same runs as rectangles for the PDF (vector, no image to embed).
 */
import { encode } from 'uqr';

/** Quiet zone in modules (the standard asks for 4). */
const BORDER = 4;

export interface QrMatrix {
  /** Modules per side, quiet zone included. */
  size: number;
  /** Dark runs per row: [x, y, length] in modules. */
  runs: [number, number, number][];
}

export function qrMatrix(text: string): QrMatrix {
  const qr = encode(text, { ecc: 'M', border: BORDER });
  const runs: [number, number, number][] = [];
  qr.data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      runs.push([start, y, x - start]);
    }
  });
  return { size: qr.size, runs };
}

/** An SVG of the code (`title` is its accessible name). */
export function qrSvg(text: string, title: string, pixels = 132): string {
  const { size, runs } = qrMatrix(text);
  const d = runs.map(([x, y, n]) => `M${x} ${y}h${n}v1h-${n}z`).join('');
  const safeTitle = title.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]!);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${pixels}" height="${pixels}" role="img" shape-rendering="crispEdges">` +
    `<title>${safeTitle}</title><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
