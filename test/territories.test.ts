// Territory resolver: data-driven tables per perturbation kind, homonyms, EPCI forms, suggestions, contract
// shape and robustness. The index is built once for the whole file.
import { describe, expect, it } from 'vitest';
import { getRegistry } from '../data/territories/registry.ts';
import { createTerritoryIndex, resolveTerritory, type Resolution } from '../data/territories/index.ts';
import { nameTokens } from '../data/territories/keys.ts';
import { boundedDistance } from '../data/territories/distance.ts';
import { foldText } from '../data/text.ts';

const registry = getRegistry();
const index = createTerritoryIndex(registry);

function foundCode(query: string): string {
  const r = index.resolve(query);
  if (r.status !== 'found') {
    const list = r.status === 'ambiguous' ? r.candidates : r.suggestions;
    return `${r.status}: ${list.map((t) => `${t.code} ${t.name}`).join(', ')}`;
  }
  return r.territory.code;
}

// [query, expected INSEE code or SIREN] per perturbation kind.
const FOUND: Record<string, [string, string][]> = {
  exact: [
    ['Grenoble', '38185'], ['Ajaccio', '2A004'], ['Vandœuvre-lès-Nancy', '54547'], ['Saint-Germain-en-Laye', '78551'],
    ["Villeneuve-d'Ascq", '59009'], ['Marcq-en-Barœul', '59378'], ['Y', '80829'], ['Eu', '76255'], ['Pin', '70410'],
    ['Lamentin', '97115'], ['Le Lamentin', '97213'], ['Château-Chinon (Ville)', '58062'], ["Pont-de-l'Isère", '26250'],
  ],
  caseAndAccents: [
    ['GRENOBLE', '38185'], ['grenoble', '38185'], ['vandoeuvre-les-nancy', '54547'], ['marcq en baroeul', '59378'],
    ['BOULOGNE-BILLANCOURT', '92012'], ['chalons en champagne', '51108'], ['Boe', '47031'], ['oeting', '57521'],
    ["L'HAY-LES-ROSES", '94038'], ['chateau chinon (ville)', '58062'],
  ],
  punctuation: [
    ['Vandoeuvre les Nancy', '54547'], ['Villeneuve d Ascq', '59009'], ['Villeneuve dAscq', '59009'],
    ['Saint Germain en Laye', '78551'], ['Baie Mahault', '97103'], ['Pont Audemer', '27467'],
    ['Charleville Mezieres', '08105'], ['Lhay les Roses', '94038'], ['Villeneuve d’Ascq', '59009'],
  ],
  saint: [
    ['St Germain en Laye', '78551'], ['St-Germain-en-Laye', '78551'], ['St. Etienne', '42218'], ['Ste Maxime', '83115'],
    ['Ste-Maxime', '83115'], ['St Maur des Fosses', '94068'], ['Mont St Michel', '50353'],
  ],
  article: [
    ['Havre', '76351'], ['Le Havre', '76351'], ['Robert', '97222'], ['Le Robert', '97222'], ["Sables d'Olonne", '85194'],
    ['Abymes', '97101'], ['Les Abymes', '97101'], ['Mans', '72181'], ['Les Mans', '72181'],
  ],
  typos: [
    ['Marseile', '13055'], ['Tolouse', '31555'], ['Bordaux', '33063'], ['Montpelier', '34172'], ['Villeurbane', '69266'],
    ['Strasbour', '67482'], ['Grenobel', '38185'], ['Vandeouvre les Nancy', '54547'], ['St Germain en Lay', '78551'],
    ['Boulogne Bilancourt', '92012'], ['Valnce (Drôme)', '26362'],
  ],
  codes: [
    ['38000', '38185'], ['38185', '38185'], ['2A004', '2A004'], ['2a004', '2A004'], ['26000', '26362'],
    ['75015', '75056'], ['200041333', '200041333'], ['Valence 26000', '26362'], ['26000 Valence', '26362'],
    ['Grenoble 38100', '38185'], ['Paris 75015', '75056'], ['Valence (26000)', '26362'],
  ],
  departement: [
    ['Valence (Drôme)', '26362'], ['Valence 26', '26362'], ['Valence, Drôme', '26362'], ['Valence dans la Drôme', '26362'],
    ['Valence (26)', '26362'], ['Valence (Tarn-et-Garonne)', '82186'], ['Valence 82', '82186'], ['Valence en Charente', '16392'],
    ['Saint-Martin (Bas-Rhin)', '67426'], ['Saint-Denis (La Réunion)', '97411'], ['Saint Denis 93', '93066'],
    ['Mérignac (Gironde)', '33281'], ['Saint-Paul 974', '97415'], ['Valence - Drôme', '26362'],
    // Names ending in a département or région name: the qualifier must not eat them.
    ["Montigny-l'Allier (02)", '02512'], ['Mont-Saint-Martin (08)', '08308'], ["Ville-d'Avray, Hauts-de-Seine", '92077'],
    ['La Marne (44)', '44090'], ["Raissac-d'Aude (11)", '11307'], ['Villeneuve-sur-Lot', '47323'],
  ],
  aroundTheName: [
    ['Ville de Grenoble', '38185'], ['commune du Havre', '76351'], ['mairie de St Etienne', '42218'],
    ['Marseille 13e', '13055'], ['Paris 15ème', '75056'], ['Grenoble, France', '38185'], ['38000 Grenoble Cedex', '38185'],
  ],
  epci: [
    ['CC de Parthenay-Gâtine', '200041333'], ['CC de Parthenay Gatine', '200041333'], ['CC Parthenay Gâtine', '200041333'],
    ['communauté de communes de Parthenay-Gâtine', '200041333'], ['Parthenay-Gâtine', '200041333'],
    ["communauté d'agglomération du Grand Avignon", '248400251'], ['agglo du Grand Avignon', '248400251'],
    ['Grand Avignon', '248400251'], ['COGA', '248400251'], ['Grenoble Alpes Métropole', '200040715'],
    ['Grenoble-Alpes-Métropole', '200040715'], ['métropole de Lyon', '200046977'],
    ['communauté urbaine de Dunkerque', '245900428'], ['Amiens Métropole', '248000531'],
    ['Toulouse Métropole', '243100518'], ['Eurométropole de Strasbourg', '246700488'],
    ['agglo de Grenoble', '200040715'], ['communauté de communes de Parthenay', '200041333'],
    ['CC de Parthenay-Gatinne', '200041333'], ['Métropole Aix-Marseille', '200054807'], ['agglo de Valence', '200068781'],
  ],
};

describe('resolveTerritory: found', () => {
  it('expects codes that exist in the registry', () => {
    for (const [, code] of Object.values(FOUND).flat()) expect(registry.get(code), code).toBeDefined();
  });
  for (const [kind, rows] of Object.entries(FOUND)) {
    it.each(rows)(`${kind}: %s → %s`, (query, code) => {
      expect(foundCode(query)).toBe(code);
    });
  }
});

describe('resolveTerritory: every registry name finds its territory', () => {
  it('one name in 10, as written: found, or ambiguous with it among the candidates', () => {
    const entries = [...registry.communes, ...registry.epcis].filter((_, i) => i % 10 === 0);
    const misses = entries.filter((e) => {
      const r = index.resolve(e.name);
      return r.status === 'found' ? r.territory.code !== e.code : r.status !== 'ambiguous' || !r.candidates.some((t) => t.code === e.code);
    });
    expect(misses.map((e) => `${e.code} ${e.name}`)).toEqual([]);
  });
});

describe('resolveTerritory: a commune before the EPCI named after it', () => {
  it.each([
    ['Grenoble', '38185', '200040715'], ['Lyon', '69123', '200046977'], ['Dunkerque', '59183', '245900428'],
    ['Amiens', '80021', '248000531'], ['Parthenay', '79202', '200041333'], ['Toulouse', '31555', '243100518'],
  ])('%s → commune %s, EPCI %s among the alternatives', (query, commune, epci) => {
    const r = index.resolve(query);
    expect(r.status).toBe('found');
    if (r.status !== 'found') return;
    expect(r.territory).toMatchObject({ code: commune, kind: 'commune' });
    expect(r.alternatives.map((t) => t.code)).toContain(epci);
  });
});

describe('resolveTerritory: homonyms are ambiguous, by population', () => {
  it.each([
    ['Saint-Martin', ['97801', '65392', '32389', '67426', '54480']],
    ['Valence', ['26362', '82186', '16392']],
    ['Merignac', ['33281', '16216', '17229']],
    ['Château-Chinon', ['58062', '58063']],
    ['Saint-Denis', ['97411', '93066', '11339', '30247']],
    ['La Rochelle', ['17300', '70450']],
  ])('%s', (query, codes) => {
    const r = index.resolve(query);
    expect(r.status).toBe('ambiguous');
    if (r.status === 'ambiguous') expect(r.candidates.map((t) => t.code)).toEqual(codes);
  });

  it('keeps the commune whose INSEE code was typed among a shared postcode\'s candidates', () => {
    const r = index.resolve('02200'); // Soissons' postcode (20+ communes) and Clermont-les-Fermes' INSEE code
    expect(r.status).toBe('ambiguous');
    if (r.status !== 'ambiguous') return;
    expect(r.candidates[0]?.code).toBe('02722');
    expect(r.candidates.map((t) => t.code)).toContain('02200');
    expect(r.candidates.length).toBeLessThanOrEqual(20);
  });

  it('ranks every candidate list by population, largest first', () => {
    for (const query of ['Le Pin', 'Beaulieu', 'Sainte-Colombe', '01400', 'saint pierre']) {
      const r = index.resolve(query);
      expect(r.status, query).toBe('ambiguous');
      if (r.status !== 'ambiguous') continue;
      const populations = r.candidates.map((t) => t.population ?? 0);
      expect(populations).toEqual([...populations].sort((a, b) => b - a));
    }
  });
});

describe('resolveTerritory: not found', () => {
  it.each(['xyzzy', 'qwertyuiop', 'zzzzzzzz', 'Grenoble-sur-Lune-du-Pacifique-Ouest'])('%s', (query) => {
    expect(index.resolve(query).status).toBe('not_found');
  });

  it('suggests the closest names, at most 5', () => {
    const r = index.resolve('Grenobbbble');
    expect(r.status).toBe('not_found');
    if (r.status !== 'not_found') return;
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(r.suggestions.length).toBeLessThanOrEqual(5);
    expect(r.suggestions[0]?.code).toBe('38185');
  });

  it.each([['Drôme', '26362'], ['Isère', '38185'], ['Corse', '2A004'], ['Nord', '59350']])(
    'a département or région name alone (%s): not a typo for a commune, its largest communes suggested',
    (query, largest) => {
      const r = index.resolve(query);
      expect(r.status).toBe('not_found');
      if (r.status === 'not_found') expect(r.suggestions[0]?.code).toBe(largest);
    },
  );

  it('suggests the largest communes of the département for an unknown postcode', () => {
    const r = index.resolve('38999');
    expect(r.status).toBe('not_found');
    if (r.status === 'not_found') expect(r.suggestions[0]?.code).toBe('38185');
  });
});

describe('resolveTerritory: contract', () => {
  it('is async and answers the documented shape', async () => {
    const found = await resolveTerritory('Grenoble');
    expect(found).toEqual({
      status: 'found',
      territory: { code: '38185', name: 'Grenoble', kind: 'commune', departement: '38', population: 156140 },
      alternatives: [{ code: '200040715', name: 'Grenoble-Alpes-Métropole', kind: 'epci', departement: '38', population: 449509 }],
    });
    const ambiguous = await resolveTerritory('Merignac');
    expect(Object.keys(ambiguous).sort()).toEqual(['candidates', 'status']);
    const missing = await resolveTerritory('xyzzy');
    expect(Object.keys(missing).sort()).toEqual(['status', 'suggestions']);
    const epci = await resolveTerritory('CC de Parthenay-Gâtine');
    expect(epci.status === 'found' && epci.territory).toMatchObject({ kind: 'epci', name: 'CC de Parthenay-Gâtine', departement: '79' });
  });
});

describe('resolveTerritory: robustness', () => {
  const inputs: [string, string][] = [
    ['empty', ''], ['spaces', '   \t\n '], ['10 kB', 'Grenoble '.repeat(1200)], ['10 kB of one letter', 'a'.repeat(10_000)],
    ['emoji', '😀🏠🇫🇷'], ['control characters', '\u0000\u0007\u001b[31mGrenoble\u007f'], ['lone surrogate', '\ud800Nice'],
    ['parentheses', '(((('], ['closing', ')'], ['empty parentheses', '()'], ['punctuation', ' ,;:!?-–—'],
    ['prototype words', 'constructor'], ['__proto__', '__proto__'], ['toString', 'toString'],
    ['département code', '38'], ['zero', '0'], ['unknown postcode', '99999'], ['2A', '2A'], ['legal form only', 'CC'],
    ['métropole only', 'Métropole'], ['saint only', 'Saint'], ['article only', "L'"], ['digits', '1234567890123'],
    ['many qualifiers', 'Valence (Drôme) (26) (Isère) 26000 38000 dans la Drôme'], ['mixed scripts', 'Гренобль 東京 Grenoble'],
  ];
  it.each(inputs)('%s: answers without throwing, quickly', (_, query) => {
    const start = performance.now();
    const r: Resolution = index.resolve(query);
    expect(['found', 'ambiguous', 'not_found']).toContain(r.status);
    // A guard against runaway matching (seconds), not a speed target (bench:resolve): loose enough for a busy CI machine.
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('finds the name in a 10 kB input made of it (only the first 200 characters are read)', () => {
    expect(index.resolve(`Grenoble${' '.repeat(10_000)}`).status).toBe('found');
  });

  it('does not throw on non-string input from JavaScript callers', async () => {
    await expect(resolveTerritory(undefined as unknown as string)).resolves.toMatchObject({ status: 'not_found' });
  });
});

describe('territory keys', () => {
  it('tokenises like foldText, with Saint/Sainte expanded', () => {
    expect(nameTokens("Vandœuvre-lès-Nancy")).toEqual(['vandoeuvre', 'les', 'nancy']);
    expect(nameTokens('St-Germain  en—Laye')).toEqual(['saint', 'germain', 'en', 'laye']);
    expect(nameTokens("L’Haÿ-les-Roses")).toEqual(['l', 'hay', 'les', 'roses']);
    const expand = new Map([['st', 'saint'], ['ste', 'sainte'], ['sts', 'saints'], ['stes', 'saintes']]);
    for (const e of [...registry.communes.slice(0, 3000), ...registry.epcis]) {
      const reference = foldText(e.name).split(/[^a-z0-9]+/).filter(Boolean).map((t) => expand.get(t) ?? t);
      expect(nameTokens(e.name), e.name).toEqual(reference);
    }
  });

  it('computes the bounded Damerau-Levenshtein distance', () => {
    expect(boundedDistance('grenoble', 'grenoble', 2)).toBe(0);
    expect(boundedDistance('grenoble', 'grenbole', 2)).toBe(1); // transposition
    expect(boundedDistance('marseille', 'marseile', 2)).toBe(1);
    expect(boundedDistance('bordeaux', 'bordaux', 2)).toBe(1);
    expect(boundedDistance('abc', 'xyz', 2)).toBe(3); // over the bound: bound + 1
    expect(boundedDistance('toulouse', 'tolouse', 0)).toBe(1);
  });
});
