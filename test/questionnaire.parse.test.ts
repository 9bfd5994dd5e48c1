import { describe, expect, it } from 'vitest';
import { loadDefinition, parseAnswer, validateStored, formatValue, type Question } from '../data/questionnaire/index.ts';

const L = (fr: string, en = fr) => ({ fr, en });
const NOW = new Date('2026-11-27T10:00:00Z');

// One question of each type, loaded through the schema (so defaults apply).
const def = loadDefinition({
  edition: 1, title: L('t'),
  sections: [{ id: 's', title: L('s'), items: [
    { type: 'text', id: 'text', label: L('q'), maxLength: 20 },
    { type: 'longtext', id: 'longtext', label: L('q'), minLength: 10, maxLength: 50 },
    { type: 'choice', id: 'choice', label: L('q'), options: [
      { value: 'elu', label: L('Élu ou élue', 'Elected official') }, { value: 'agent', label: L('Agent', 'Staff') },
      { value: 'democratie', label: L('Démocratie et services publics', 'Democracy and public services') },
    ] },
    { type: 'multichoice', id: 'multichoice', label: L('q'), maxSelected: 3, options: [
      { value: 'a', label: L('Démarches en ligne', 'Online procedures') }, { value: 'b', label: L('Paiement', 'Payment') },
      { value: 'c', label: L('Données ouvertes', 'Open data') }, { value: 'd', label: L('Médiation', 'Mediation') },
    ] },
    { type: 'number', id: 'number', label: L('q'), min: 0, max: 5000 },
    { type: 'number', id: 'integer', label: L('q'), min: 1, max: 5, integer: true },
    { type: 'date', id: 'date', label: L('q'), min: '-2y', max: 'today' },
    { type: 'email', id: 'email', label: L('q') },
    { type: 'phone', id: 'phone', label: L('q') },
    { type: 'url', id: 'url', label: L('q') },
    { type: 'yesno', id: 'yesno', label: L('q') },
  ] }],
});
const q = (id: string) => def.sections[0]!.items.find((i) => i.id === id) as Question;

// [type, lang, input, stored value]
const valid: [string, 'fr' | 'en', string, unknown][] = [
  ['text', 'fr', '  Marie Curie ', 'Marie Curie'],
  ['longtext', 'fr', 'Un portail pour tous les habitants.', 'Un portail pour tous les habitants.'],
  ['choice', 'fr', '2', 'agent'],
  ['choice', 'fr', '1.', 'elu'],
  ['choice', 'fr', 'élu ou ELUE', 'elu'],
  ['choice', 'en', 'Staff', 'agent'],
  ['choice', 'fr', 'Démocratie et services publics', 'democratie'],
  ['choice', 'en', 'agent', 'agent'], // a card sends the option's value
  ['multichoice', 'fr', '1, 3', ['a', 'c']],
  ['multichoice', 'fr', '3 1', ['a', 'c']],
  ['multichoice', 'fr', '1 et 4', ['a', 'd']],
  ['multichoice', 'en', 'payment and open data', ['b', 'c']],
  ['multichoice', 'fr', 'c,a', ['a', 'c']], // a multi-select card sends « c,a »
  ['number', 'fr', '1 200', 1200],
  ['number', 'fr', '1,5', 1.5],
  ['number', 'fr', '12,5 ETP', 12.5],
  ['number', 'en', '1,200', 1200],
  ['number', 'en', '2.5', 2.5],
  ['integer', 'fr', '4', 4],
  ['date', 'fr', '15/03/2025', '2025-03-15'],
  ['date', 'fr', '5-1-2026', '2026-01-05'],
  ['date', 'fr', '2025-12-01', '2025-12-01'],
  ['date', 'fr', '03/2025', '2025-03-01'],
  ['date', 'fr', '1er mars 2025', '2025-03-01'],
  ['date', 'en', 'March 2025', '2025-03-01'],
  ['date', 'fr', '27/11/2026', '2026-11-27'],
  ['email', 'fr', 'Marie.Curie@Mairie-Grenoble.FR', 'marie.curie@mairie-grenoble.fr'],
  ['email', 'en', 'mailto:ada@ville.fr', 'ada@ville.fr'],
  ['phone', 'fr', '06 12 34 56 78', '+33612345678'],
  ['phone', 'fr', '01.23.45.67.89', '+33123456789'],
  ['phone', 'fr', '+33 6 12 34 56 78', '+33612345678'],
  ['phone', 'fr', '+33 (0)1 23 45 67 89', '+33123456789'],
  ['phone', 'fr', '0033123456789', '+33123456789'],
  ['phone', 'fr', '+262 262 12 34 56', '+262262123456'],
  ['url', 'fr', 'https://www.grenoble.fr/demarches', 'https://www.grenoble.fr/demarches'],
  ['url', 'fr', 'www.ville.fr', 'https://www.ville.fr/'],
  ['url', 'fr', 'ville-numerique.fr/action?id=3', 'https://ville-numerique.fr/action?id=3'],
  ['yesno', 'fr', 'Oui', true],
  ['yesno', 'fr', 'non !', false],
  ['yesno', 'en', 'Yes', true],
  ['yesno', 'en', 'n', false],
];

// [type, lang, input, the refusal says… (what is wrong, then what is expected)]
const invalid: [string, 'fr' | 'en', string, RegExp][] = [
  ['text', 'fr', '   ', /Je n’ai pas reçu de réponse\. J’attends une réponse courte \(au plus 20 caractères\)/],
  ['text', 'en', 'a much too long answer for this', /has 31 characters: that is too long\. I expect a short answer \(at most 20 characters\)/],
  ['longtext', 'fr', 'court', /Votre réponse fait 5 caractères : c’est un peu court\. J’attends un texte de 10 à 50 caractères/],
  ['choice', 'fr', '4', /Je ne reconnais pas « 4 » parmi les options\. J’attends le numéro ou le nom d’une des options/],
  ['choice', 'en', 'mayor', /I do not recognise “mayor” among the options\. I expect the number or the name/],
  ['multichoice', 'fr', '1, 9', /Je ne reconnais pas « 9 » parmi les options\. J’attends un ou plusieurs numéros séparés par des virgules/],
  ['multichoice', 'fr', '1, 2, 3, 4', /Choisissez au plus 3 option\(s\)/],
  ['number', 'fr', 'beaucoup', /« beaucoup » n’est pas un nombre\. J’attends un nombre entre 0 et 5 000/],
  ['number', 'fr', '6000', /6 000 n’est pas entre 0 et 5 000/],
  ['number', 'en', '-1', /-1 is not between 0 and 5,000\. I expect a number between 0 and 5,000/],
  ['integer', 'fr', '2,5', /2,5 n’est pas un nombre entier\. J’attends un nombre entier entre 1 et 5/],
  ['date', 'fr', '31/02/2025', /« 31\/02\/2025 » n’est pas une date que je comprends\. J’attends une date au format JJ\/MM\/AAAA entre le 27\/11\/2024 et le 27\/11\/2026/],
  ['date', 'fr', 'hier', /n’est pas une date que je comprends/],
  ['date', 'fr', '01/01/2020', /Le 01\/01\/2020 est trop ancien/],
  ['date', 'en', '01/01/2027', /01\/01\/2027 is too late\. I expect a date as DD\/MM\/YYYY between 27\/11\/2024 and 27\/11\/2026/],
  ['email', 'fr', 'marie@mairie', /« marie@mairie » n’est pas une adresse e-mail valide\. J’attends une adresse e-mail/],
  ['email', 'fr', 'marie curie@mairie.fr', /n’est pas une adresse e-mail valide/],
  ['phone', 'fr', '06 12 34', /« 06 12 34 » n’est pas un numéro de téléphone français valide\. J’attends un numéro de téléphone français, par exemple 01 23 45 67 89/],
  ['phone', 'fr', '+44 20 7946 0958', /n’est pas un numéro de téléphone français valide/],
  ['phone', 'en', '00 12 34 56 78', /is not a valid French phone number/],
  ['url', 'fr', 'mon site', /« mon site » n’est pas une adresse web valide\. J’attends une adresse web, par exemple https:\/\/www\.ville\.fr/],
  ['url', 'fr', 'ftp://ville.fr', /n’est pas une adresse web valide/],
  ['url', 'en', 'localhost', /is not a valid web address/],
  ['yesno', 'fr', 'peut-être', /Je n’ai pas compris « peut-être »\. J’attends « oui » ou « non »/],
  ['yesno', 'en', 'maybe', /I did not understand “maybe”\. I expect “yes” or “no”/],
];

describe('answers are parsed per question type (French and English)', () => {
  it.each(valid)('%s (%s) « %s » → %j', (id, lang, input, expected) => {
    const r = parseAnswer(q(id), input, lang, NOW);
    expect(r).toEqual({ ok: true, value: expected });
    // What the parser produces is exactly what the repository accepts.
    expect(validateStored(q(id), r.ok ? r.value : null, NOW)).toEqual({ ok: true });
  });

  it.each(invalid)('%s (%s) refuses « %s »', (id, lang, input, message) => {
    const r = parseAnswer(q(id), input, lang, NOW);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(message);
  });
});

describe('stored values', () => {
  it('only canonical parser output can be stored', () => {
    expect(validateStored(q('phone'), '06 12 34 56 78', NOW)).toMatchObject({ ok: false });
    expect(validateStored(q('choice'), 'maire', NOW)).toMatchObject({ ok: false });
    expect(validateStored(q('number'), '12', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/type inattendu/) });
    expect(validateStored(q('yesno'), null, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/obligatoire/) });
    expect(validateStored(q('multichoice'), ['c', 'a'], NOW)).toMatchObject({ ok: false });
  });

  it('are shown in words', () => {
    expect(formatValue(q('phone'), '+33612345678', 'fr')).toBe('06 12 34 56 78');
    expect(formatValue(q('date'), '2025-03-15', 'en')).toBe('15/03/2025');
    expect(formatValue(q('multichoice'), ['a', 'c'], 'fr')).toBe('Démarches en ligne, Données ouvertes');
    expect(formatValue(q('yesno'), false, 'en')).toBe('No');
    expect(formatValue(q('number'), 1200.5, 'fr')).toBe('1 200,5');
    expect(formatValue(q('text'), null, 'fr')).toBe('(passée)');
  });
});
