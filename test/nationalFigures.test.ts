// National figures of a palmarès (#17 item 3): « combien de collectivités labellisées en 2011 ? » is answered from the
// sourced totals (data/samples/totaux/), with its page. Phrasings as officials type them, and the questions that
// look alike but ask something else (a territory's level, the cost, the TEN criterion, a list in an area).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionTotals, readEditionTotals, totalsFile } from '../data/editionTotals.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { createTerritoryIndex } from '../data/territories/index.ts';
import { Understander } from '../data/understanding/index.ts';
import { sampleCodes } from '../bench/lib/understandSet.ts';
import { replyTexts } from './helpers/activities.ts';
import { startSampleBot, type TestBot } from './helpers/testBot.ts';

const u = new Understander(createTerritoryIndex(getRegistry()));
const labelled = sampleCodes();
const NOW = new Date('2026-06-15T12:00:00Z');
const intentOf = (text: string) => u.understand(text, { now: NOW, labelled }).intent;

describe('a national figure is understood', () => {
  it.each([
    ['combien de collectivités labellisées en 2011 ?', 'labelled', 12],
    ['Combien de 5@ en 2009 ?', 'level5', 11],
    ['combien de villes ont eu 5 arobases en 2009', 'level5', 11],
    ['nombre de communes labellisées en 2023', 'labelled', 24],
    ['cb de labellisés en 2018 ?', 'labelled', 19],
    ['il y a eu combien de lauréats au palmarès 2024 ?', 'labelled', 25],
    ['combien de TEN en 2025 ?', 'excellence', 26],
    ["combien de territoires d'excellence numerique en 2021", 'excellence', 22],
    ['combien de collectivités ont participé en 2009 ?', 'participants', 11],
    ['combien de candidats au label 2021 ?', 'participants', 22],
    ['combien de communes ont obtenu 4 arobases en 2008', 'level4', 10],
    ['How many towns were labelled in 2011?', 'labelled', 12],
    ['how many 5@ in 2009', 'level5', 11],
    ['how many councils took part in 2022?', 'participants', 23],
  ])('« %s » → %s, edition %i', (says, measure, edition) => {
    expect(intentOf(says)).toMatchObject({ name: 'totals', measure, edition });
  });

  it.each([
    ["Grenoble a combien d'arobases ?", 'level'],
    ['combien de fois Bron a été labellisée ?', 'history'],
    ['combien coûte la participation au label ?', 'howToApply'],
    ['combien de niveaux existe-t-il ?', 'aboutLabel'],
    ['il faut combien de 5@ pour être TEN ?', 'ten'],
    ['combien de 5@ avons-nous eu ?', 'ten'],
    ['combien de communes labellisées dans le Nord en 2018 ?', 'palmares'],
  ])('« %s » is not a national figure (%s)', (says, name) => {
    expect(intentOf(says).name).toBe(name);
  });
});

describe('the sourced totals', () => {
  it('every figure names its page and the sentence that gives it; the file reads whole', () => {
    const all = editionTotals();
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(new Set(all.map((t) => t.edition)).size).toBeGreaterThanOrEqual(15);
    for (const t of all) {
      expect(t.source).toMatch(/https?:\/\/\S+/);
      expect(t.quote).toContain(String(t.value).length > 2 ? String(t.value) : '');
    }
  });

  it('a bad row is refused with its line (a figure without a page, a measure nobody knows, a twin)', () => {
    const head = readFileSync(totalsFile, 'utf8').split('\n')[0];
    expect(() => readEditionTotals(`${head}\n12,labelled,303,BdT sans adresse,« 303 »\n`)).toThrow(/ligne 2/);
    expect(() => readEditionTotals(`${head}\n12,mayors,303,https://x.fr/a,« 303 »\n`)).toThrow(/ligne 2/);
    expect(() => readEditionTotals(`${head}\n12,labelled,303,https://x.fr/a,q\n12,labelled,304,https://x.fr/b,q\n`)).toThrow(/ligne 3 .*en double/);
  });
});

describe('the answer, through POST /api/messages', () => {
  let t: TestBot;
  let n = 0;
  beforeAll(async () => { t = await startSampleBot(); });
  afterAll(async () => { await t?.close(); });
  const fresh = (locale: string) => ({ locale, conversationId: `a:totals-${++n}`, userId: `29:totals-${n}` });

  it.each([
    ['fr-FR', 'combien de collectivités labellisées en 2011 ?', ['303 collectivités ont été labellisées au palmarès 2011', '12e label, remis le 14 janvier 2011', 'banquedesterritoires.fr/303-communes-labellisees-ville-internet']],
    ['fr-FR', 'combien de 5@ en 2009 ?', ['16 collectivités ont obtenu 5 @ au palmarès 2009', 'remis le 15 décembre 2009', '4 @ : 24', 'record-seize-communes']],
    ['fr-FR', 'Combien de collectivités labellisées en 2006 ?', ['ne donnent pas ce chiffre pour le palmarès 2006', '8e label, remis le 4 décembre 2006', 'Participants : 223']],
    ['fr-FR', 'combien de labellisés en 2010 ?', ['Il n’y a pas eu de palmarès en 2010']],
    ['fr-FR', 'combien de TEN en 2025 ?', ['13 collectivités ont été distinguées « Territoire d’excellence numérique » au palmarès 2025', 'magjournal77.fr']],
    ['en-US', 'How many towns were labelled in 2011?', ['303 local authorities were labelled in the 2011 awards', '12th label, presented on 14 January 2011']],
    ['fr-FR', 'combien de collectivités labellisées en 2014 ?', ['271 collectivités ont été labellisées au palmarès 2014', 'vl-media.fr']],
    ['fr-FR', 'combien de labellisés en 2013 ?', ['aucun chiffre national publié pour le palmarès 2013', '2006, 2007']],
  ])('%s « %s »', async (locale, says, expected) => {
    const replies = replyTexts(await t.say(says, fresh(locale)));
    for (const e of expected) expect(replies).toContain(e);
  });
});
