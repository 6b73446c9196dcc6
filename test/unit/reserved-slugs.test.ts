import { describe, expect, it } from 'vitest';
import { isReservedSlug, RESERVED_SLUGS } from '../../scripts/lib/reserved-slugs.mjs';
import { createApp } from '../../src/app';
import { FEATURES } from '../../src/features';
import { featureWordsOf } from '../../src/features/descriptor';
import { CORE_TOP_LEVEL_WORDS, parseRegionPath, reservedWords } from '../../src/regions/paths';

describe('reserved slugs', () => {
  it("the seed generator's list equals the app's: core words plus every registered feature's words", () => {
    const app = [...new Set([...CORE_TOP_LEVEL_WORDS, ...featureWordsOf(FEATURES)])].sort();
    expect([...RESERVED_SLUGS].sort()).toEqual(app);
  });

  it('includes the words features add (media, masuk, wilayah …), and the app reserves them at startup', () => {
    for (const word of ['media', 'masuk', 'keluar', 'wilayah', 'sitemap.xml']) {
      expect(isReservedSlug(word), word).toBe(true);
      expect(CORE_TOP_LEVEL_WORDS, word).not.toContain(word); // it comes from a descriptor, not from the core list
    }
    createApp(FEATURES);
    expect(reservedWords()).toEqual(expect.arrayContaining(featureWordsOf(FEATURES)));
    expect(parseRegionPath('/media/public/x.jpg')).toBeNull();
    expect(parseRegionPath('/sangatta-utara/berita')).toEqual({ regionPath: 'sangatta-utara', rest: ['berita'] });
  });
});
