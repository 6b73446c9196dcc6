import jsQR from 'jsqr';

/**
 * Decodes the QR code of an SVG the way a phone would see it: the SVG's dark path (absolute M, relative h/v/z — the
 * commands a module grid needs) is rasterised to RGBA pixels, then jsQR (an independent decoder) reads the image.
 */
export function decodeQrSvg(svg: string, pixelsPerModule = 4): string | null {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const d = /<path[^>]*\sd="([^"]+)"/.exec(svg)?.[1];
  if (!viewBox || !d) return null;
  const modules = Number(viewBox[1]);
  const side = modules * pixelsPerModule;
  const dark = new Uint8Array(modules * modules);
  // Each subpath traces one rectangle: fill its bounding box.
  for (const sub of d.split(/(?=M)/)) {
    const tokens = sub.match(/[MhvHVz]|-?\d+(?:\.\d+)?/g) ?? [];
    let x = 0,
      y = 0,
      minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity,
      cmd = '';
    const mark = () => {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (/[MhvHVz]/.test(t)) {
        cmd = t;
        if (cmd === 'z') continue;
      }
      if (cmd === 'M') {
        x = Number(tokens[++i]);
        y = Number(tokens[++i]);
      } else if (cmd === 'h') x += Number(tokens[++i]);
      else if (cmd === 'v') y += Number(tokens[++i]);
      else if (cmd === 'H') x = Number(tokens[++i]);
      else if (cmd === 'V') y = Number(tokens[++i]);
      mark();
    }
    for (let yy = minY; yy < maxY; yy++) for (let xx = minX; xx < maxX; xx++) dark[yy * modules + xx] = 1;
  }
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      if (dark[Math.floor(py / pixelsPerModule) * modules + Math.floor(px / pixelsPerModule)]) {
        const o = (py * side + px) * 4;
        rgba[o] = rgba[o + 1] = rgba[o + 2] = 0;
      }
    }
  }
  return jsQR(rgba, side, side)?.data ?? null;
}
