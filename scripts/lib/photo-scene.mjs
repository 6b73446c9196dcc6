// Photo-like scenes drawn as SVG and rasterised with sharp: camera-like test fixtures (test/fixtures/media-fixtures.mjs)
// and the demo content's news photos (scripts/lib/demo-photos.mjs) — generated, so nothing large is committed.

/**
 * A village scene as SVG (sky, clouds, hills, houses, foliage with detail at every scale, so it compresses like a
 * photo). With `redBand` the top tenth is pure red so tests can tell which way is up.
 */
export function sceneSvg(w, h, { screenshot = false, seed: start = 42, redBand = true, palette = 0 } = {}) {
  const parts = [];
  if (screenshot) {
    parts.push(`<rect width="${w}" height="${h}" fill="#f5f5f5"/>`);
    for (let y = Math.round(h * 0.12); y < h; y += 90) {
      parts.push(`<rect x="40" y="${y}" width="${w - 80}" height="70" rx="12" fill="#ffffff" stroke="#ddd"/>`);
      parts.push(`<rect x="70" y="${y + 18}" width="${(w - 200) * (0.4 + ((y * 7) % 50) / 100)}" height="14" fill="#333"/>`);
      parts.push(`<rect x="70" y="${y + 42}" width="${(w - 300) * (0.3 + ((y * 13) % 60) / 100)}" height="10" fill="#888"/>`);
    }
  } else {
    const [top, bottom] = [
      ['#5b8fd6', '#cfe3f7'],
      ['#e0703a', '#ffe0b3'],
      ['#7fa7c9', '#e8eef3'],
    ][palette % 3];
    parts.push(
      `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>`,
    );
    parts.push(`<rect width="${w}" height="${h}" fill="url(#sky)"/>`);
    parts.push(`<circle cx="${w * 0.8}" cy="${h * 0.25}" r="${h * 0.06}" fill="#ffe9a8"/>`);
    const hill = (y0, amp, color, phase) => {
      let d = `M0 ${h} L0 ${y0}`;
      for (let x = 0; x <= w; x += w / 40) d += ` L${x.toFixed(0)} ${(y0 + Math.sin(x / (w / 6) + phase) * amp).toFixed(0)}`;
      return `<path d="${d} L${w} ${h} Z" fill="${color}"/>`;
    };
    parts.push(hill(h * 0.55, h * 0.05, '#4d7a3a', 0), hill(h * 0.68, h * 0.04, '#3c6b2c', 2), hill(h * 0.8, h * 0.03, '#6b5236', 4));
    // Foliage, grass and gravel: detail at every scale, so the photo does not compress like a drawing.
    let seed = start;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const greens = ['#2f5d1f', '#557a2f', '#6d8f3a', '#3f6b28', '#8aa04a', '#24421a', '#a3b56b'];
    for (let i = 0; i < 6000; i++) {
      const x = rnd() * w;
      const y = h * (0.5 + rnd() * 0.5);
      const r = (0.002 + rnd() * 0.01) * w;
      parts.push(
        `<ellipse cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" rx="${r.toFixed(0)}" ry="${(r * (0.4 + rnd())).toFixed(0)}" fill="${greens[i % greens.length]}" fill-opacity="0.8"/>`,
      );
    }
    for (let i = 0; i < 400; i++) {
      const x = rnd() * w;
      const y = h * (0.12 + rnd() * 0.3);
      const r = (0.01 + rnd() * 0.04) * w;
      parts.push(
        `<ellipse cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" rx="${r.toFixed(0)}" ry="${(r * 0.4).toFixed(0)}" fill="#ffffff" fill-opacity="${(0.1 + rnd() * 0.3).toFixed(2)}"/>`,
      );
    }
    for (let i = 0; i < 14; i++) {
      const x = (w / 15) * (i + 0.5);
      const y = h * (0.62 + (i % 3) * 0.06);
      const s = h * 0.05;
      parts.push(`<rect x="${x}" y="${y}" width="${s * 1.4}" height="${s}" fill="${['#c2884f', '#e3d5b8', '#9c4a2f'][i % 3]}"/>`);
      parts.push(`<path d="M${x - s * 0.1} ${y} L${x + s * 0.7} ${y - s * 0.6} L${x + s * 1.5} ${y} Z" fill="#7a2f1d"/>`);
      parts.push(`<circle cx="${x + s * 2}" cy="${y - s * 0.2}" r="${s * 0.5}" fill="#2f5d1f"/>`);
    }
  }
  if (redBand) parts.push(`<rect width="${w}" height="${Math.round(h / 10)}" fill="#ff0000"/>`);
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${parts.join('')}</svg>`);
}
