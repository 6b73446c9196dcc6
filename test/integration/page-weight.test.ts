import { describe, expect, it } from 'vitest';
import { get, gzipSize } from '../helpers/http';

const BUDGET = 14 * 1024;

describe('page weight budget (first HTML response, gzip)', () => {
  for (const path of ['/', '/sangatta-utara', '/sangatta-utara/swarga-bara', '/wilayah', '/kaubun', '/sangatta-utara/swarga-bara/berita']) {
    it(`${path} ≤ 14 KB compressed`, async () => {
      const html = await (await get(path)).text();
      const size = await gzipSize(html);
      expect(size).toBeGreaterThan(500); // a real page was measured
      expect(size).toBeLessThanOrEqual(BUDGET);
    });
  }
});
