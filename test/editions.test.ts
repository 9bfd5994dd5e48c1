// The calendar of editions: which palmarès exist, the year naming them, and which are published on a given day.
import { describe, expect, it } from 'vitest';
import { editionYear, isPublished, latestPublished, publishedAfter, yearEdition } from '../data/editions.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('calendar of editions', () => {
  it.each([
    [8, 2006], [10, 2008], [11, 2009], [12, 2011], [19, 2018], [22, 2021], [27, 2026], [28, 2027],
  ])('edition %i is the palmarès %i', (edition, year) => {
    expect(editionYear(edition)).toBe(year);
    expect(yearEdition(year)).toBe(edition);
  });

  it('no palmarès in 2010 (the 11e in December 2009, the 12e in January 2011), none before the label', () => {
    expect(yearEdition(2010)).toBeUndefined();
    expect(yearEdition(1990)).toBeUndefined();
  });

  it.each([
    // Known ceremony dates (press): published from that day.
    [27, '2026-01-28', false], [27, '2026-01-29', true], [22, '2021-02-03', false], [22, '2021-02-04', true],
    // Unknown dates: ceremonies are in late January – February, so certainly published from 1 March.
    [21, '2020-02-27', false], [21, '2020-03-01', true], [26, '2025-02-06', false], [26, '2025-02-07', true], [28, '2026-12-07', false], [28, '2027-03-01', true],
    [9, '2026-06-15', true], [0, '2026-06-15', false],
  ] as const)('edition %i on %s: published %s', (edition, iso, published) => {
    expect(isPublished(edition, day(iso))).toBe(published);
  });

  it('the newest published palmarès, and those published since an edition', () => {
    expect(latestPublished(day('2026-01-28'))).toBe(26);
    expect(latestPublished(day('2025-02-06'))).toBe(25);
    expect(latestPublished(day('2026-06-15'))).toBe(27);
    expect(latestPublished(day('2026-12-07'))).toBe(27);
    expect(publishedAfter(23, day('2026-06-15'))).toEqual([24, 25, 26, 27]);
    expect(publishedAfter(27, day('2026-06-15'))).toEqual([]);
  });
});
