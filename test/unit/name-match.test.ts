import { describe, expect, it } from 'vitest';
import { editDistance, matchScore, rankByName } from '../../src/lib/name-match';

const NAMES = ['Swarga Bara', 'Singa Gembara', 'Teluk Lingga', 'Sangatta Utara', 'Sangatta Selatan', 'Muara Wahau', 'Sangkulirang', 'Bengalon', 'Kaliorang'];
const top = (q: string) => rankByName(q, NAMES, (n) => n)[0];

describe('tolerant region names', () => {
  it.each([
    ['swargabara', 'Swarga Bara'],
    ['SWARGA BARA', 'Swarga Bara'],
    ['desa swarga', 'Swarga Bara'],
    ['Desa Swarga Bara', 'Swarga Bara'],
    ['kec. sangatta utara', 'Sangatta Utara'],
    ['sangata', 'Sangatta Utara'],
    ['sangata selatan', 'Sangatta Selatan'],
    ['swarga bra', 'Swarga Bara'],
    ['teluklingga', 'Teluk Lingga'],
    ['muara wahou', 'Muara Wahau'],
    ['sángkulirang', 'Sangkulirang'],
    ['bengalon', 'Bengalon'],
  ])('%s → %s', (q, expected) => {
    expect(top(q)).toBe(expected);
  });

  it('does not match unrelated or too-short text', () => {
    expect(rankByName('jakarta', NAMES, (n) => n)).toEqual([]);
    expect(rankByName('xy', NAMES, (n) => n)).toEqual([]);
    expect(rankByName('desa', NAMES, (n) => n)).toEqual([]);
    expect(rankByName('', NAMES, (n) => n)).toEqual([]);
  });

  it('ranks exact over prefix over typo', () => {
    expect(matchScore('bengalon', 'Bengalon')).toBeGreaterThan(matchScore('benga', 'Bengalon'));
    expect(matchScore('benga', 'Bengalon')).toBeGreaterThan(matchScore('bengalom', 'Bengalon'));
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });
});
