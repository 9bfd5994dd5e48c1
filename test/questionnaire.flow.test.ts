import { describe, expect, it } from 'vitest';
import {
  completeness, findSlot, getDefinition, loadDefinition, nextSlot, previousSlot, progress, slotLabel, visibleSlots, type Answers,
} from '../data/questionnaire/index.ts';

const L = (fr: string, en = fr) => ({ fr, en });
const def = loadDefinition({
  edition: 1, title: L('t'),
  atLeastOneOf: { groups: ['actions'], message: L('Au moins une action.') },
  sections: [
    { id: 'a', title: L('A'), items: [
      { type: 'yesno', id: 'has_site', label: L('Un site ?') },
      { type: 'url', id: 'site', label: L('Adresse ?'), required: false, when: { question: 'has_site', equals: true } },
      { type: 'multichoice', id: 'services', label: L('Services ?'), options: [{ value: 'pay', label: L('Paiement') }, { value: 'rdv', label: L('RDV') }] },
      { type: 'text', id: 'pay_tool', label: L('Outil de paiement ?'), when: { question: 'services', includes: 'pay' } },
    ] },
    { id: 'b', title: L('B'), items: [
      { type: 'group', id: 'actions', maxCount: 2, itemLabel: L('Action {n}', 'Action {n}'), ask: L('Une action ?'), addAnother: L('Une autre ? ({n} déjà)'), items: [
        { type: 'text', id: 'title', label: L('Titre ?') },
        { type: 'choice', id: 'status', label: L('État ?'), options: [{ value: 'en_cours', label: L('En cours') }, { value: 'terminee', label: L('Terminée') }] },
        { type: 'date', id: 'end', label: L('Fin ?'), when: { question: 'status', equals: 'terminee' } },
      ] },
    ] },
  ],
});
const keys = (a: Answers) => visibleSlots(def, a).map((s) => s.key);

describe('flow engine', () => {
  it('skip logic: a question appears only when its condition holds', () => {
    expect(keys({})).toEqual(['has_site', 'services', 'actions.any']);
    expect(keys({ has_site: true, services: ['rdv'] })).toEqual(['has_site', 'site', 'services', 'actions.any']);
    expect(keys({ has_site: false, services: ['pay', 'rdv'] })).toEqual(['has_site', 'services', 'pay_tool', 'actions.any']);
  });

  it('repeat groups: instances with indices, « another? » after each, up to maxCount', () => {
    const a: Answers = { has_site: false, services: ['rdv'], 'actions.any': true };
    expect(keys(a).slice(2)).toEqual(['actions.any', 'actions[1].title', 'actions[1].status', 'actions[1].more']);
    a['actions[1].status'] = 'terminee';
    a['actions[1].more'] = true;
    // Sibling conditions read their own instance; the last instance has no « another? » (maxCount 2).
    expect(keys(a).slice(3)).toEqual(['actions[1].title', 'actions[1].status', 'actions[1].end', 'actions[1].more', 'actions[2].title', 'actions[2].status']);
    expect(slotLabel(findSlot(def, 'actions[2].title')!, 'fr')).toBe('Action 2 — Titre ?');
    expect(slotLabel(findSlot(def, 'actions[1].more')!, 'fr')).toBe('Une autre ? (1 déjà)');
  });

  it('next = the first unanswered question; a skipped optional one (null) counts as answered', () => {
    expect(nextSlot(def, {})?.key).toBe('has_site');
    expect(nextSlot(def, { has_site: true })?.key).toBe('site');
    expect(nextSlot(def, { has_site: true, site: null })?.key).toBe('services');
    expect(nextSlot(def, { has_site: false, services: ['rdv'], 'actions.any': false })).toBeUndefined();
  });

  it('back = the visible question before; from the summary, the last one', () => {
    const a: Answers = { has_site: false, services: ['rdv'] };
    expect(previousSlot(def, a, 'actions.any')?.key).toBe('services');
    expect(previousSlot(def, a, 'services')?.key).toBe('has_site'); // « site » is hidden
    expect(previousSlot(def, a, 'has_site')).toBeUndefined();
    expect(previousSlot(def, a, undefined)?.key).toBe('actions.any');
  });

  it('progress: n of m and the sections done', () => {
    const p = progress(def, { has_site: false, services: ['rdv'] });
    expect(p).toMatchObject({ answered: 2, total: 3 });
    expect(p.sections.map((s) => [s.id, s.done])).toEqual([['a', true], ['b', false]]);
  });

  it('completeness: required answers and the « at least one action » rule; optional ones do not block', () => {
    expect(completeness(def, { has_site: true, services: ['rdv'], 'actions.any': false })).toMatchObject({
      complete: false, rule: { fr: 'Au moins une action.' },
    });
    const done: Answers = { has_site: true, services: ['rdv'], 'actions.any': true, 'actions[1].title': 'X', 'actions[1].status': 'en_cours', 'actions[1].more': false };
    expect(completeness(def, done)).toMatchObject({ complete: true, missing: [] });
    expect(completeness(def, { ...done, 'actions[1].title': undefined as never }).missing.map((s) => s.key)).toEqual(['actions[1].title']);
  });

  it('keys resolve even when hidden, and only well-formed ones', () => {
    expect(findSlot(def, 'site')?.question.type).toBe('url');
    expect(findSlot(def, 'actions[2].end')?.group?.index).toBe(2);
    for (const bad of ['nope', 'actions[3].title', 'actions[0].title', 'actions[2].more', 'actions[1].nope', 'site[1].x', 'has_site.any', '__proto__']) {
      expect(findSlot(def, bad), bad).toBeUndefined();
    }
  });

  it('the 28e edition: a full path through every section', () => {
    const d = getDefinition(28);
    const start = visibleSlots(d, {}).map((s) => s.key);
    expect(start).toEqual([
      'contact_name', 'contact_role', 'contact_function', 'contact_email', 'contact_phone',
      'first_participation', 'digital_staff', 'online_services', 'digital_plan', 'website',
      'democratie.any', 'vivre_ensemble.any', 'connaissances.any', 'richesses.any',
      'mentions', 'jury_message', 'publication_consent',
    ]);
    const withAction = visibleSlots(d, { 'democratie.any': true, 'democratie[1].enjeu': 'autre', 'democratie[1].status': 'terminee' }).map((s) => s.key);
    expect(withAction.filter((k) => k.startsWith('democratie['))).toEqual([
      'democratie[1].title', 'democratie[1].description', 'democratie[1].enjeu', 'democratie[1].enjeu_other', 'democratie[1].status',
      'democratie[1].start_date', 'democratie[1].end_date', 'democratie[1].url', 'democratie[1].more',
    ]);
  });
});
