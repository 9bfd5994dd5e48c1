// The catalog texts' placeholders (data/text.ts): filled from a template split once and reused.
import { describe, expect, it } from 'vitest';
import { fill } from '../data/text.ts';

describe('fill', () => {
  it.each([
    ['no placeholder', {}, 'no placeholder'],
    ['{name} a {n} @', { name: 'Bron', n: 5 }, 'Bron a 5 @'],
    ['{a}{b}', { a: 'x', b: 'y' }, 'xy'],
    ['{a} et {a}', { a: 'Sèvres' }, 'Sèvres et Sèvres'],
    ['{unknown} reste', { other: 1 }, '{unknown} reste'],
    ['{n}', { n: 0 }, '0'],
    ['accolade { seule } et {x}', { x: 'ok' }, 'accolade { seule } et ok'],
    ['$& et $1 : {v}', { v: '$1 $&' }, '$& et $1 : $1 $&'],
  ])('%s with %o → %s', (template, vars, expected) => {
    expect(fill(template, vars)).toBe(expected);
    expect(fill(template, vars)).toBe(expected); // the second time from the split template kept
  });

  it('the same template with other values gives the other text', () => {
    expect(fill('{name} ({dep})', { name: 'Bron', dep: 'Rhône' })).toBe('Bron (Rhône)');
    expect(fill('{name} ({dep})', { name: 'Agen', dep: 'Lot-et-Garonne' })).toBe('Agen (Lot-et-Garonne)');
  });
});
