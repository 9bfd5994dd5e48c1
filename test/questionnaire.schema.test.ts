import { describe, expect, it } from 'vitest';
import { DefinitionError, getDefinition, loadDefinition, type DefinitionInput } from '../data/questionnaire/index.ts';
import { edition28 } from '../data/questionnaire/editions/28.ts';
import { questionnaireCatalogs } from '../data/questionnaire/messages.ts';
import { applicationCatalogs } from '../dialogs/application/messages.ts';

const L = (fr: string, en = fr) => ({ fr, en });

/** A small valid definition; each case below breaks one thing. */
function base(): DefinitionInput {
  return {
    edition: 99,
    title: L('Test'),
    sections: [
      { id: 'a', title: L('A'), items: [
        { type: 'yesno', id: 'has_site', label: L('Un site ?', 'A site?') },
        { type: 'url', id: 'site', label: L('Adresse ?', 'Address?'), when: { question: 'has_site', equals: true } },
        { type: 'choice', id: 'kind', label: L('Type ?'), options: [{ value: 'x', label: L('X') }, { value: 'y', label: L('Y') }] },
      ] },
      { id: 'b', title: L('B'), items: [
        { type: 'group', id: 'actions', maxCount: 3, itemLabel: L('Action {n}'), ask: L('Une action ?'), addAnother: L('Une autre ?'), items: [
          { type: 'text', id: 'title', label: L('Titre ?') },
          { type: 'date', id: 'end', label: L('Fin ?'), min: '-2y', max: 'today' },
        ] },
      ] },
    ],
  };
}

type Mutation = (d: any) => void;
// [what is wrong, how to break it, the message names…]
const cases: [string, Mutation, RegExp][] = [
  ['missing English text', (d) => { delete d.sections[0].items[0].label.en; }, /sections\[0\] « a » › items\[0\] « has_site » › label › en : texte anglais manquant/],
  ['empty French text', (d) => { d.title.fr = '  '; }, /title › fr : texte français vide/],
  ['unknown question type', (d) => { d.sections[0].items[0].type = 'slider'; }, /items\[0\] « has_site » › type : type inconnu/],
  ['bad id', (d) => { d.sections[0].items[0].id = 'Has Site'; }, /« Has Site » › id : identifiant invalide/],
  ['unknown key', (d) => { d.sections[0].items[0].placeholder = 'x'; }, /clé inconnue : « placeholder »/],
  ['one option only', (d) => { d.sections[0].items[2].options.pop(); }, /« kind » › options : une question à choix propose au moins 2 options/],
  ['duplicate option', (d) => { d.sections[0].items[2].options[1].value = 'x'; }, /« kind » › options : option « x » en double/],
  ['duplicate id', (d) => { d.sections[0].items[2].id = 'has_site'; }, /items\[2\] « has_site » › id : identifiant « has_site » déjà utilisé/],
  ['duplicate section', (d) => { d.sections[1].id = 'a'; }, /sections\[1\] « a » › id : section « a » déjà définie/],
  ['condition on a later question', (d) => { d.sections[0].items[0].when = { question: 'kind', equals: 'x' }; }, /« has_site » › when › question : la condition porte sur « kind », qui n'est pas une question posée avant/],
  ['condition value of the wrong type', (d) => { d.sections[0].items[1].when = { question: 'has_site', equals: 'oui' }; }, /« site » › when : valeur "oui" impossible pour la question « has_site » \(yesno\)/],
  ['condition on a missing option', (d) => { d.sections[1].items[0].when = { question: 'kind', in: ['z'] }; }, /valeur "z" impossible pour la question « kind »/],
  ['two operators', (d) => { d.sections[0].items[1].when = { question: 'has_site', equals: true, notEquals: false }; }, /une condition porte exactement un opérateur/],
  ['number bounds inverted', (d) => { d.sections[0].items.push({ type: 'number', id: 'n', label: L('N ?'), min: 10, max: 1 }); }, /« n » › min : min \(10\) dépasse max \(1\)/],
  ['number without bounds', (d) => { d.sections[0].items.push({ type: 'number', id: 'n', label: L('N ?') }); }, /« n » › min : champ obligatoire manquant/],
  ['bad date bound', (d) => { d.sections[1].items[0].items[1].min = 'yesterday'; }, /« end » › min : borne de date invalide/],
  ['group that may stay empty without its question', (d) => { delete d.sections[1].items[0].ask; }, /« actions » › ask : un groupe qui peut rester vide/],
  ['group bounds inverted', (d) => { d.sections[1].items[0].minCount = 5; }, /« actions » › minCount : minCount \(5\) dépasse maxCount \(3\)/],
  ['nested group', (d) => { d.sections[1].items[0].items.push({ ...d.sections[1].items[0], id: 'inner' }); }, /items\[2\] « inner » › type : type de question inconnu/],
  ['reserved id in a group', (d) => { d.sections[1].items[0].items[0].id = 'more'; }, /« more » › id : identifiant « more » déjà utilisé dans le groupe/],
  ['empty section', (d) => { d.sections[1].items = []; }, /sections\[1\] « b » › items : une section contient au moins une question/],
  ['rule on an unknown group', (d) => { d.atLeastOneOf = { groups: ['nope'], message: L('x') }; }, /atLeastOneOf › groups\[0\] : « nope » n'est pas un groupe/],
];

describe('questionnaire definitions are checked when loaded', () => {
  it('the small base definition and the 28e edition are valid', () => {
    expect(loadDefinition(base()).sections).toHaveLength(2);
    const def = getDefinition(28);
    expect(def.edition).toBe(28);
    expect(def.sections.map((s) => s.id)).toEqual(['contact', 'territoire', 'democratie', 'vivre_ensemble', 'connaissances', 'richesses', 'final']);
  });

  it.each(cases)('rejects: %s', (_, mutate, message) => {
    const d = structuredClone(base());
    mutate(d);
    let error: unknown;
    try { loadDefinition(d); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as Error).message).toMatch(/^Questionnaire invalide :\n- /);
    expect((error as Error).message).toMatch(message);
  });

  it('lists every problem at once', () => {
    const d = structuredClone(base()) as any;
    d.sections[0].items[0].label.en = '';
    d.sections[0].items[2].options.pop();
    expect(() => loadDefinition(d)).toThrow(/texte anglais vide[\s\S]*au moins 2 options/);
  });

  it('the 28e edition covers every question type, skip logic and repeat groups', () => {
    const def = getDefinition(28);
    const questions = def.sections.flatMap((s) => s.items.flatMap((i) => (i.type === 'group' ? i.items : [i])));
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['text', 'longtext', 'choice', 'multichoice', 'number', 'date', 'email', 'phone', 'url', 'yesno']));
    expect(questions.some((q) => q.when)).toBe(true);
    expect(def.sections.flatMap((s) => s.items).filter((i) => i.type === 'group')).toHaveLength(4);
    // 16 enjeux in 4 categories, plus « autre » in each.
    const enjeux = def.sections.flatMap((s) => s.items.flatMap((i) => (i.type === 'group' ? i.items.filter((q) => q.id === 'enjeu') : [])));
    expect(enjeux.map((q) => (q.type === 'choice' ? q.options.length : 0))).toEqual([5, 5, 5, 5]);
    expect(edition28.edition).toBe(28);
  });

  it('French and English texts have the same keys and none is empty', () => {
    for (const catalogs of [questionnaireCatalogs, applicationCatalogs] as Record<'fr' | 'en', Record<string, string>>[]) {
      expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.fr).sort());
      for (const lang of ['fr', 'en'] as const) for (const v of Object.values(catalogs[lang])) expect(v.trim()).not.toBe('');
    }
  });
});
