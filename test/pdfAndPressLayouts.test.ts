// Pages as PDFs, town sites and regional press print them (session 16: real pages of the stored corpus and the
// fifty-first to fifty-sixth readers). Each case is a line or a few lines as written, and what a reader decides.
import { describe, expect, it } from 'vitest';
import { resolveList } from '../data/palmaresList.ts';
import { getTerritoryIndex } from '../data/territories/index.ts';

const index = getTerritoryIndex();
const codes = (text: string) => resolveList(text, index.registry, index.resolve).map((r) => (r.status === 'resolved' ? `${r.code} ${r.level}` : r.status));

describe('a level dated before the list\'s year is a town\'s history, not this year\'s', () => {
  it.each([
    // villers-semeuse.fr, 2024: the 2017 « @ » had left the town at two levels, open for the reviewer.
    ['a town site recounting its first label', 'Villers-Semeuse a été récompensée de nouveau cette année du prix de « 5 @ » sur 5, label 2024.\n'
      + 'Notre présence digitale a permis à notre commune d\'être récompensée d\'une première « @ » en 2017.', ['08480 5']],
    ['« Lorient, 3 @ en 2024, non plus » on a 2025 page', 'Palmarès 2025\nVannes @@@@\nLorient, 3 @ en 2024, non plus.', ['56260 4']],
    ['the year of the list said with the level', 'Palmarès 2025\nMulhouse (Haut-Rhin) — cinq arobases en 2025', ['68224 5']],
    // (A year said ahead is no list's: « Candidater pour 2026 ».)
    ['a year said ahead', 'Mulhouse (Haut-Rhin) — cinq arobases en 2025\nCandidater pour 2026 : le dossier se remplit en ligne.', ['68224 5']],
  ])('%s', (_what, text, want) => {
    expect(codes(text)).toEqual(want);
  });

  it('« Angers avait hérité, d\'un coup, de 4 arobases » (entreprise-angers.com, 2017) is a former level', () => {
    expect(codes('Angers dispose désormais de 5 arobases. En 2016, Angers avait hérité, d’un coup, de 4 arobases.')).not.toContain('49007 4');
    expect(codes('Comme sa voisine Trélazé, la ville d’Angers vient d’obtenir son cinquième arobase, soit le niveau le plus élevé.'))
      .toEqual(['49353 5', '49007 5']);
  });
});

describe('names as regional press writes them', () => {
  it('« Saint-Julien (CC Norge et Tille) »: the intercommunalité in brackets says where, it is no second award', () => {
    expect(codes('Saint-Julien (CC Norge et Tille) : 1 arobase. Is-sur-Tille : 2 arobases.')).toEqual(['21555 1', '21317 2']);
    // (Not « Tille », read as Tillé in the Oise.)
    expect(codes('Saint-Julien (CC Norge et Tille) @')).toEqual(['21555 1']);
  });

  it('« Cravant » on an Yonne page: today\'s Cravant is in the Loiret, the Yonne\'s merged into Deux Rivières: open', () => {
    expect(codes('Auxerre : 4 @\nMonéteau : 2 @\nAppoigny : 1 @\nToucy : 1 @\nCravant : 2 @')).toEqual(['89024 4', '89263 2', '89013 1', '89419 1', 'ambiguous']);
  });

  it('« Ailleurs dans l\'Ouest », « Dans la région »: the list\'s département or région settles no namesake said beyond it', () => {
    const redon = 'Ouest-France - Pays de Redon\nRedon obtient trois arobases (@@@).\nBains-sur-Oust (35) : une arobase.\nMalansac (56) : deux arobases.\n';
    expect(codes(`${redon}Saint-Aignan : une arobase.`)).toContain('56203 1');
    expect(codes(`${redon}\nAilleurs dans l'Ouest\nSaint-Aignan : une arobase.`).at(-1)).toBe('ambiguous');
    const yonne = 'Auxerre : 4 @\nMonéteau : 2 @\nAppoigny : 1 @\nToucy : 1 @\n';
    expect(codes(`${yonne}Sarry : 1 @`).at(-1)).toBe('89376 1');
    expect(codes(`${yonne}Dans la région, à noter la première arobase de Sarry.`).at(-1)).toBe('ambiguous');
    // (« Ailleurs dans le département »: still the list's.)
    expect(codes(`${yonne}\nAilleurs dans le département\nSarry : 1 @`).at(-1)).toBe('89376 1');
  });

  it('« Sète agglopôle », « Tours Métropole »: an intercommunalité by its name up to its agglomeration\'s word', () => {
    expect(codes('Sète agglopôle @@\nTours Métropole @@@')).toEqual(['200066355 2', '243700754 3']);
    expect(codes('Sète agglopôle décroche deux arobases.')).toEqual(['200066355 2']);
  });

  it('the place a ceremony was held, with its date, is no award', () => {
    expect(codes('3 @ :\nIl rappelle que la remise régionale des labels s\'est tenue à Montpellier le 21 février.\nAgen')).toEqual(['unknown', '47001 3']);
  });
});

describe('a press kit copied out of its PDF', () => {
  it('a table\'s level cell alone under each name, as a digit (« Caen (14) » / « 4 »), is that name\'s, not the heading\'s', () => {
    const kit = 'LES TERRITOIRES « 5 @ »\nAnglet (64) @ @ @ @ @\nLES VILLES DE PLUS DE 100 000 HABITANTS\nCaen (14)\n4\nDijon (21)\n3\nLimoges (87)\n3\nTours (37)\n4';
    expect(codes(kit)).toEqual(['64024 5', '14118 4', '21231 3', '87085 3', '37261 4']);
    // (One cell a line: name, département, level.)
    expect(codes('Niveau 4\nTerritoire\nDépt.\nNiveau\nGrand Annecy\n74\n4\nValence\n26\n4\nChambéry\n73\n4')).toEqual(['200066793 4', '26362 4', '73065 4']);
  });

  it('a word the line cut (« Mé- » / « tropole ») is joined without its hyphen; a name\'s own hyphen stays', () => {
    expect(codes('Nîmes Mé-\ntropole (3 @) et Alès Agglomération (2 @) confirment leur engagement.')).toEqual(['243000643 3', '200066918 2']);
    expect(codes('Saint-Ju-\nlien-en-Genevois (74) @@@\nBellerive-sur-\nAllier (03) @@')).toEqual(['74243 3', '03023 2']);
  });

  it('two columns side by side, a name cut at the right one\'s line end, is joined up with its own level', () => {
    const columns = ['Ils candidataient pour la première fois    Ils obtiennent d\'emblée deux ou', 'deux arobases :                            Conflans-Sainte-Ho-',
      'Leffrinckoucke (59) @               norine (78) @@@', 'Offemont (90) @                     Maisons-Laf-', 'Saffré (44) @                       fitte (78) @@'].join('\n');
    expect(codes(columns)).toEqual(expect.arrayContaining(['78172 3', '59340 1', '90075 1', '78358 2', '44149 1']));
    expect(codes(columns).filter((c) => /^\d/.test(c))).toHaveLength(5);
  });

  it('« LE JURY 2024 » ends the list above: the village of Jury (57) won nothing', () => {
    expect(codes('5 @ :\nAgen\nLE JURY 2024\nAnne Roussel, déléguée régionale')).toEqual(['47001 5']);
    expect(codes('Jury (57) @@')).toEqual(['57351 2']);
  });
});

describe('national lists and intercommunalités\' pages', () => {
  it('« 01 – Ain »: a département heading of a list sorted by number settles the villages under it', () => {
    expect(codes('01 – Ain\nApremont : 2@\nBrens : 1@\n\n02 – Aisne\nAllemant : 1@')).toEqual(['01011 2', '01061 1', '02010 1']);
  });

  it('« Intercommunalités – 5 @ » is a level heading', () => {
    expect(codes('Intercommunalités – 5 @\n\nToulouse Métropole (31)\nMetz Métropole (57)\n\nIntercommunalités – 4 @\n\nCommunauté urbaine du Grand Nancy (54)'))
      .toEqual(['243100518 5', '200039865 5', '245400676 4']);
  });

  it('a title then a paragraph (« Les nouveaux venus ») ends the level heading above', () => {
    const page = '1 arobase :\n\nTerritoire de la Côte Ouest – TCO (974)\n\nLes nouveaux venus\n\n'
      + 'Deux communautés de communes entrent au palmarès dès leur première candidature, chacune avec deux arobases cette année.\n\n'
      + 'À noter : la communauté d\'agglomération Plaine Commune, 5 @ en 2014, n\'a pas renouvelé sa candidature cette année. Bastia, la ville, candidatera en 2016.';
    expect(codes(page)).not.toContain('2B033 1');
    // (Names under a level, then a paragraph: still the level's.)
    expect(codes('1 arobase\nVaucouleurs, Douaumont, Stenay\nIntercommunalités : la CA du Grand Verdun obtient trois arobases et la CC de Damvillers Spincourt une seule cette année.'))
      .toContain('55533 1');
  });

  it('a name that holds « et » (« Lamballe Terre et Mer »): never « Mer » (41) alone', () => {
    expect(codes('Lamballe Terre et Mer @@ et Loudéac Communauté @')).toEqual(['200069391 2', '200067460 1']);
    expect(codes('Granville décroche elle aussi quatre arobases, et la communauté de communes Granville Terre et Mer obtient deux @.'))
      .toEqual(['50218 4', '200042604 2']);
    // (Two names with their own levels stay two.)
    expect(codes('Saint-Gervais-les-Bains (@@@), Sallanches (@@@) et Megève (@@) sont au rendez-vous.')).toEqual(['74236 3', '74256 3', '74173 2']);
  });
});

describe('social posts and overseas pages', () => {
  it('« Issy-les-Moulineaux (@VilledIssy) »: a handle\'s « @ » is no level, in any reading of the line', () => {
    expect(codes('2/12 ⭐ Au sommet avec 5@ @@@@@ : Issy-les-Moulineaux (@VilledIssy), Parthenay, Mérignac (Gironde) et Rillieux-la-Pape 👏 Une régularité impressionnante !'))
      .toEqual(['92040 5', '79202 5', '33281 5', '69286 5']);
  });

  it('a post\'s closing line of tags (« #Occitanie #Toulouse #Montpellier ») names no award', () => {
    expect(codes('Deux arobases :\nFoix\nAuch\n#VillesInternet #Occitanie #Toulouse #Montpellier #numérique')).toEqual(['09122 2', '32013 2']);
    // (Tags after a level are a list: « Trois arobases : #Pontivy #Séné ».)
    expect(codes('Trois arobases : #Pontivy #Séné')).toEqual(['56178 3', '56243 3']);
  });

  it('« Nord », « Ouest », « Sud », « Est » on a Réunion page: points of the compass, not the Nord (59)', () => {
    const page = 'La Réunion\nNord\nSaint-Denis : 4 @\nSainte-Marie : 3 @\n\nOuest\nSaint-Paul : 4 @\nLe Port : 3 @\n\nSud\nSaint-Pierre : 5 @\n\nEst\nSaint-André : 2 @\nBras-Panon : 1 @';
    expect(codes(page)).toEqual(['97411 4', '97418 3', '97415 4', '97407 3', '97416 5', '97409 2', '97402 1']);
    expect(codes('Nord\nSaint-André : 2 @')).toEqual(['59527 2']);
  });

  it('« La capitale du Sud rejoint … « 5 @ » »: the CA du Sud is a noun\'s complement, no subject; the type said tells namesakes apart', () => {
    expect(codes('La capitale du Sud rejoint le cercle très fermé des villes « 5 @ ».')).toEqual(['unknown']);
    expect(codes('CA du Sud @@\nla communauté de communes du Sud @')).toEqual(['249740085 2', '200060473 1']);
  });

  it('« la ville de Foix et l\'Agglo Foix-Varilhes progressent, avec respectivement trois et deux arobases »', () => {
    expect(codes('En Ariège, la ville de Foix et l\'Agglo Foix-Varilhes progressent, avec respectivement trois et deux arobases.')).toEqual(['09122 3', '200067791 2']);
  });
});

describe('levels as spreadsheets, prefectures and older pages write them', () => {
  it('a spreadsheet\'s merged level cell (« @@@@@ » then blank rows) is each row\'s; « @ @ » in a cell is two', () => {
    const sheet = 'Label 2025\tDépartement\tCollectivité\n@@@@@\tIsère\tGrenoble\n\tRhône\tVilleurbanne\n\tSavoie\tChambéry\n@@@@\tAin\tBourg-en-Bresse\n\tDrôme\tValence\n\tLoire\tRoanne';
    expect(codes(sheet)).toEqual(['38185 5', '69266 5', '73065 5', '01053 4', '26362 4', '42187 4']);
    expect(codes('Commune,Code postal,Label 2025\nCaen,14000,@@@@\nDieppe,76200,@ @\nMâcon,71000,@ @ @')).toEqual(['14118 4', '76217 2', '71270 3']);
  });

  it('a tab-separated table among a page\'s prose: this year\'s column only; « — » this year is no award', () => {
    const page = 'Le tableau ci-dessous reprend le niveau obtenu cette année et, pour mémoire, celui de l\'édition 2015.\n'
      + 'Collectivité\tLabel 2016\tRappel 2015\nAngers\t@@@@@\t@@@@@\nTrélazé\t@@@\t@@\nDurtal\t—\t@\nCandé\t—\t@@\nBravo à toutes et à tous !';
    expect(codes(page)).toEqual(['49007 5', '49353 3']);
  });

  it('« Niveau 4 (quatre arobases) : Lanester, Ploemeur » (a prefecture\'s release); « niveau 3 »', () => {
    expect(codes('• Niveau 4 (quatre arobases) : Lanester, Ploemeur, Hennebont ;')).toEqual(['56098 4', '56162 4', '56083 4']);
    expect(codes('Niveau 3 : Auray, Pontivy')).toEqual(['56007 3', '56178 3']);
    // (« Nous visions le niveau 4 »: a level aimed at.)
    expect(codes('Longvic : @ @\n« Nous visions le niveau 4 », reconnaît l\'adjoint au maire de Longvic.')).toEqual(['21355 2', 'unknown']);
  });

  it('last year\'s level beside this year\'s: « @@@@ (@@@) », « niveau 5 (niveau 5 en 2016) »', () => {
    expect(codes('Saint-Herblain .... @@@ (@@)\nMayenne (53) 2 @ (1 @)')).toEqual(['44162 3', '53147 2']);
    expect(codes('Palmarès 2017\nChenôve (14 000 hab.) : niveau 4 (niveau 3 en 2016)')).toEqual(['21166 4']);
    // (« conservent leur arobase (1 @) »: the level said, not last year's.)
    expect(codes('Val-d\'Izé, Balazé et Louvigné-de-Bais conservent leur arobase (1 @).')).toEqual(['35347 1', '35015 1', '35161 1']);
  });

  it('« À l\'échelle nationale, … revenu à Beaumont » under « AISNE »: any Beaumont; the label\'s scale « (@) » is no level', () => {
    expect(codes('AISNE\nLAON (25 000 hab.) : 3 @\n\nÀ l\'échelle nationale, le prix du « meilleur espoir » est revenu à Beaumont, qui décroche d\'emblée trois arobases.').at(-1))
      .toBe('ambiguous');
    expect(codes('Présidé par l\'ancien maire adjoint de Parthenay, le jury a examiné les candidatures. Chaque lauréat se voit attribuer de une à cinq arobases (@).')).toEqual([]);
  });
});

describe('the session\'s last first runs (sixty-sixth, sixty-seventh readers)', () => {
  it('« Quatre arobases (46, sélection) » is a level heading: the names under it are not the « Cinq arobases » heading\'s', () => {
    expect(codes('Cinq arobases (22)\nIssy-les-Moulineaux (92), Arras (62) et Annecy (74).\n\nQuatre arobases (46, sélection)\nNancy (54), Roubaix (59), Lorient (56).'))
      .toEqual(['92040 5', '62041 5', '74010 5', '54395 4', '59512 4', '56121 4']);
  });

  it('« Saint-Paul également, devant Le Tampon (3@) »: a level in brackets after another name is that name\'s', () => {
    expect(codes('La Réunion compte à elle seule cinq lauréats. La CINOR obtient 4@, Saint-Paul également, devant Le Tampon (3@), le TCO (3@) et St-André (2@).'))
      .toEqual(expect.arrayContaining(['249740119 4', '97415 4', '97409 2']));
  });

  it('« Loudéac, qui était à 2@, passe en « en cours d\'évaluation » »: last year\'s level', () => {
    expect(codes('Loudéac, qui était à 2@, passe en « en cours d\'évaluation » (dossier incomplet).')).not.toContain('22136 2');
  });
});
