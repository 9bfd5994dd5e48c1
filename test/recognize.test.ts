// The intent recognizer alone: [user says, understood as] in French and English.
import { describe, expect, it } from 'vitest';
import { recognize } from '../bot/intents/recognize.ts';
import type { Intent } from '../bot/intents/types.ts';

const table: [string, Intent][] = [
  ['Quel est le niveau de ma commune ?', { name: 'level', my: true }],
  ["Grenoble a combien d'arobases ?", { name: 'level', place: 'Grenoble' }],
  ['Quel est le niveau de Saint-Germain-en-Laye en 2021 ?', { name: 'level', place: 'Saint-Germain-en-Laye', edition: 22 }],
  ['Quel était le niveau de Bron au 24e label ?', { name: 'level', place: 'Bron', edition: 24 }],
  ['niveau de la CC de Parthenay-Gâtine', { name: 'level', place: 'CC de Parthenay-Gâtine' }],
  ['Bron', { name: 'level', place: 'Bron', guessed: true }],
  ['what level is Bron?', { name: 'level', place: 'Bron' }],
  ['How many arobases does Grenoble have?', { name: 'level', place: 'Grenoble' }],
  ['What is the level of my town in 2022?', { name: 'level', my: true, edition: 23 }],
  ['Historique de Bron', { name: 'history', place: 'Bron' }],
  ['historique de ma commune', { name: 'history', my: true }],
  ['history of Valence (Drôme)', { name: 'history', place: 'Valence (Drôme)' }],
  ['Palmarès 2021', { name: 'palmares', edition: 22 }],
  ['palmarès du 22e label', { name: 'palmares', edition: 22 }],
  ['les 5@ en 2024', { name: 'palmares', edition: 25, level: 5 }],
  ["Palmarès 2024 dans l'Eure", { name: 'palmares', edition: 25, area: 'Eure' }],
  ['Territoires d’excellence numérique 2021', { name: 'palmares', edition: 22, mention: 'excellence' }],
  ['arobase verte', { name: 'palmares', mention: 'arobase-verte' }],
  ['awards 2018 in Pas-de-Calais', { name: 'palmares', edition: 19, area: 'Pas-de-Calais' }],
  ['Bron peut-elle devenir territoire d’excellence numérique ?', { name: 'ten', place: 'Bron' }],
  ['combien de 5@ pour Agen ?', { name: 'ten', place: 'Agen' }],
  ['TEN eligibility of Bron', { name: 'ten', place: 'Bron' }],
  ['ma commune est Sèvres', { name: 'setMyTown', place: 'Sèvres' }],
  ["my town is L'Haÿ-les-Roses", { name: 'setMyTown', place: "L'Haÿ-les-Roses" }],
  ['et en 2023 ?', { name: 'followUp', edition: 24 }],
  ['and in 2023?', { name: 'followUp', edition: 24 }],
  ['et Sèvres ?', { name: 'followUp', place: 'Sèvres' }],
  ['what about Bron?', { name: 'followUp', place: 'Bron' }],
  ['aide', { name: 'help' }],
  ['Help', { name: 'help' }],
  ['helpful tips for the garden of my grandmother please now', { name: 'unknown' }],
  ['Peux-tu me donner la météo de demain pour mon jardin potager ?', { name: 'unknown' }],
  ['', { name: 'unknown' }],
];

describe('recognize', () => {
  it.each(table)('« %s »', (says, intent) => {
    expect(recognize(says)).toEqual(intent);
  });

  it('never throws and stays fast on hostile text', () => {
    for (const s of ['\u0000\u202e🦄'.repeat(1000), 'a'.repeat(100_000), 'et et et et '.repeat(5000), '(((((((((('.repeat(100)]) {
      const t0 = performance.now();
      expect(() => recognize(s)).not.toThrow();
      expect(performance.now() - t0).toBeLessThan(1000); // runaway matching would take seconds; speed is bench:resolve's
    }
  });
});
