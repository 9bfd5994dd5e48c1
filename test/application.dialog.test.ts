// The walkthrough as conversation tables: every question type with invalid then valid input, every interruption,
// in French and in English, on the database (answers and dialog state), through botbuilder's TestAdapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import type { Resolution, Territory } from '../data/territories/index.ts';
import { setMemberTerritory, touchMember } from '../data/members.ts';
import { attachApproved } from './helpers/membership.ts';
import { createTestConversation, type Reply, type TestConversation, type Who } from './helpers/applicationHarness.ts';
import { fold, getDefinition } from '../data/questionnaire/index.ts';
import { reviewMessages } from '../dialogs/application/views.ts';
import { openTestDatabase } from './helpers/testDb.ts';

const registry = getRegistry();
const territory = (code: string): Territory => {
  const e = registry.get(code)!;
  return { code: e.code, name: e.name, kind: e.kind, departement: e.departement };
};
const SAINT_MARTINS = ['32389', '54480', '65392'].map(territory);
/** A small stand-in for data/territories.ts: the dialog only relies on its Resolution contract. */
export async function fakeResolve(query: string): Promise<Resolution> {
  const q = fold(query);
  if (q === 'grenoble' || q === '38185') return { status: 'found', territory: territory('38185'), alternatives: [] };
  if (q === 'saint martin') return { status: 'ambiguous', candidates: SAINT_MARTINS };
  if (q === 'grenobel') return { status: 'not_found', suggestions: [territory('38185')] };
  return { status: 'not_found', suggestions: [] };
}

let db: Database;
let chat: TestConversation;
beforeAll(async () => {
  db = await openTestDatabase();
  chat = createTestConversation({
    db, prisma: db.prisma, registry, adminIds: ['29:admin'], resolveTerritory: fakeResolve, now: () => new Date('2026-11-27T10:00:00Z'),
  });
  const en = await touchMember(db.prisma, { teamsUserId: '29:en', name: 'Ada Lovelace', locale: 'en-US' });
  await attachApproved(db.prisma, en.id, '69029');
});
afterAll(async () => { await db?.close(); });

const all = (replies: Reply[]) => replies.map((r) => r.text).join('\n---\n');
/** An input is a text, a card submit value, or `{ click: title }`: the button of that title in the last replies. */
type Step = [input: string | Record<string, unknown>, expected: RegExp, who?: Who];

async function play(who: Who, steps: Step[]) {
  let last: Reply[] = [];
  for (const [input, expected, by] of steps) {
    const clicked = typeof input === 'object' && typeof input.click === 'string'
      ? last.flatMap((r) => r.buttons).find((b) => b.title === input.click)?.data : undefined;
    if (typeof input === 'object' && input.click && !clicked) throw new Error(`no button « ${input.click} »`);
    last = await chat.send(clicked ?? input, by ?? who);
    expect(all(last), `« ${JSON.stringify(input)} »`).toMatch(expected);
  }
}
const ADMIN: Who = { user: '29:admin', name: 'Admin Villes Internet', locale: 'fr-FR' };
const answersOf = async (code: string) =>
  (await db.prisma.application.findFirstOrThrow({ where: { territoryCode: code } })).answers as Record<string, unknown>;

const FR: Who = { user: '29:fr', name: 'Marie Curie', locale: 'fr-FR' };
const frenchSteps: Step[] = [
  ['candidature', /quelle collectivité représentez-vous/],
  ['Grenobel', /Je ne trouve pas « Grenobel »\. S’agit-il de l’une de celles-ci[\s\S]*1\. Grenoble \(Isère, 38\)/],
  ['grenoble', /Vous représentez \*\*Grenoble\*\* \(Isère, 38\) \?/],
  ['non', /quelle collectivité représentez-vous/],
  ['Saint-Martin', /Plusieurs collectivités correspondent à « Saint-Martin »[\s\S]*2\. Saint-Martin \(Meurthe-et-Moselle, 54\)/],
  ['2', /Pour ouvrir la candidature de \*\*Saint-Martin\*\*, votre rattachement doit être validé/],
  ['candidature', /Votre demande de rattachement à \*\*Saint-Martin\*\* \(du 27 novembre 2026\) attend encore une décision/],
  ['demandes', /1 demande\(s\) de rattachement en attente[\s\S]*Marie Curie demande à agir au nom de \*\*Saint-Martin \(54480\)\*\*/, ADMIN],
  [{ click: 'Approuver' }, /Rattachement de Marie Curie à Saint-Martin : \*\*accepté\*\*/, ADMIN],
  ['candidature', /Préparons la candidature de \*\*Saint-Martin\*\*[\s\S]*\*\*Vous et votre rôle\*\* \(partie 1 sur 7\)[\s\S]*Quels sont vos prénom et nom \?/],
  // text
  ['   ', /Je n’ai pas reçu de réponse\. J’attends une réponse courte \(au plus 120 caractères\)\.[\s\S]*Quels sont vos prénom et nom/],
  ['Marie Curie', /À quel titre préparez-vous cette candidature \?[\s\S]*1\. Élu ou élue/],
  // choice: by number, by card
  ['7', /Je ne reconnais pas « 7 » parmi les options/],
  [{ arobase: 'answer', q: 'contact_role', value: 'elu' }, /Quelle est votre fonction/],
  ['x'.repeat(130), /Votre réponse fait 130 caractères : c’est trop long/],
  ['Maire adjointe', /adresse e-mail/],
  // email
  ['marie@', /« marie@ » n’est pas une adresse e-mail valide\. J’attends une adresse e-mail/],
  ['Marie@Saint-Martin.fr', /numéro de téléphone[\s\S]*Facultatif : tapez « passer »/],
  // phone, three failures, then help offered
  ['12', /« 12 » n’est pas un numéro de téléphone français valide/],
  ['abc', /n’est pas un numéro de téléphone français valide/],
  ['zz', /Cela fait 3 essais\. Tapez « aide » pour une explication, « passer » pour laisser cette question facultative sans réponse, ou « annuler »/],
  [{ arobase: 'command', command: 'help' }, /\*\*Aide — À quel numéro de téléphone vous joindre \? \(facultatif\)\*\*[\s\S]*J’attends un numéro de téléphone français, par exemple 01 23 45 67 89/],
  ['+33 3 83 00 00 00', /première candidature/],
  // yes/no
  ['peut-être', /Je n’ai pas compris « peut-être »\. J’attends « oui » ou « non »/],
  ['non', /Combien d’arobases \(de 1 à 5\)/],
  // number with bounds, skipping an optional question
  ['7', /7 n’est pas entre 1 et 5\. J’attends un nombre entier entre 1 et 5/],
  ['passer', /Question passée\.[\s\S]*Combien de personnes travaillent sur le numérique/],
  ['beaucoup', /« beaucoup » n’est pas un nombre/],
  ['2,5', /Quels services proposez-vous en ligne[\s\S]*Choisissez un ou plusieurs numéros/],
  // multiple choice, then « retour »
  ['1, 9', /Je ne reconnais pas « 9 » parmi les options/],
  ['retour', /Retour à la question précédente\.[\s\S]*Combien de personnes[\s\S]*Réponse actuelle : 2,5 ETP/],
  ['3', /Quels services proposez-vous en ligne/],
  [{ arobase: 'answer', q: 'online_services', value: 'demarches,paiement' }, /stratégie ou un schéma numérique/],
  ['oui', /Où peut-on la consulter/],
  ['pas une url', /« pas une url » n’est pas une adresse web valide\. J’attends une adresse web, par exemple https:\/\/www\.ville\.fr/],
  ['www.saint-martin.fr/plan', /site web de votre collectivité/],
  ['passer', /Question passée\.[\s\S]*\*\*Démocratie et services publics\*\* \(partie 3 sur 7\)[\s\S]*Avez-vous une action à présenter/],
  ['où en suis-je ?', /^Vous avez répondu à 12 question\(s\) sur 19\. Parties terminées : Vous et votre rôle, Votre territoire\. Partie en cours : Démocratie et services publics\.$/],
  ['oui', /Action 1 — Quel est le titre de l’action \?/],
  ['aide', /\*\*Aide — Action 1 — Quel est le titre de l’action \?\*\*[\s\S]*J’attends une réponse courte \(au plus 120 caractères\)/],
  ['Portail citoyen', /Action 1 — Décrivez l’action/],
  // long text
  ['Court.', /Votre réponse fait 6 caractères : c’est un peu court\. J’attends un texte de 40 à 2 ?000 caractères/],
  ['Un portail unique pour toutes les démarches, ouvert à tous les habitants.', /À quel enjeu répond-elle/],
  ['Participation citoyenne', /Où en est cette action/],
  ['terminée', /Quand a-t-elle commencé/],
  // dates
  ['31/02/2025', /« 31\/02\/2025 » n’est pas une date que je comprends\. J’attends une date au format JJ\/MM\/AAAA entre le 01\/01\/1990 et le 27\/11\/2026/],
  ['01/03/2024', /Quand s’est-elle terminée/],
  ['01/01/2020', /Le 01\/01\/2020 est trop ancien\. J’attends une date au format JJ\/MM\/AAAA entre le 27\/11\/2024 et le 27\/11\/2026/],
  ['30/06/2025', /Une page web la présente-t-elle/],
  ['passer', /Voulez-vous présenter une autre action dans la catégorie « Démocratie et services publics » \? \(vous en avez décrit 1\)/],
  ['oui', /Action 2 — Quel est le titre/],
  // cancel keeps the draft; resume at the first unanswered question
  ['annuler', /C’est noté, je m’arrête là\. Votre brouillon est enregistré/],
  ['bonjour', /\(not handled\)/],
  ['reprendre ma candidature', /Reprenons la candidature de \*\*Saint-Martin\*\* : 21 réponse\(s\) sur 34[\s\S]*Action 2 — Quel est le titre/],
  ['retour', /Voulez-vous présenter une autre action[\s\S]*Réponse actuelle : Oui/],
  ['non', /\*\*Vivre ensemble\*\*[\s\S]*Avez-vous une action/],
  ['non', /Partage des connaissances/],
  ['non', /Création de richesses/],
  ['non', /mention thématique/],
  ['passer', /Un message pour le jury/],
  ['Merci au jury !', /publie vos actions/],
  // a required question cannot be skipped
  ['passer', /Cette question est obligatoire : je ne peux pas la passer\. J’attends « oui » ou « non »\./],
  ['oui', /Récapitulatif de la candidature — Saint-Martin[\s\S]*\*\*Vous et votre rôle\*\*[\s\S]*1\. Prénom et nom : Marie Curie[\s\S]*Tapez « modifier »/],
  ['modifier 1', /Quels sont vos prénom et nom \?[\s\S]*Réponse actuelle : Marie Curie/],
  ['Marie Curie-Skłodowska', /Récapitulatif[\s\S]*1\. Prénom et nom : Marie Curie-Skłodowska/],
  [{ arobase: 'edit', q: 'contact_function' }, /Quelle est votre fonction[\s\S]*Réponse actuelle : Maire adjointe/],
  ['Maire', /Récapitulatif/],
  ['envoyer', /La candidature de \*\*Saint-Martin\*\* est envoyée\. Référence : \*\*VI-2027-54480-\d+\*\*/],
  ['reprendre ma candidature', /a été envoyée le 27\/11\/2026 \(référence VI-2027-54480-\d+\) : elle ne peut plus être modifiée/],
];

describe('in French: every question type, invalid then valid, and every interruption', () => {
  it('the conversation', async () => {
    await play(FR, frenchSteps);
  });

  it('stored exactly the accepted answers, nothing invalid', async () => {
    expect(await answersOf('54480')).toEqual({
      contact_name: 'Marie Curie-Skłodowska', contact_role: 'elu', contact_function: 'Maire', contact_email: 'marie@saint-martin.fr',
      contact_phone: '+33383000000', first_participation: false, last_level: null, digital_staff: 3, online_services: ['demarches', 'paiement'],
      digital_plan: true, digital_plan_url: 'https://www.saint-martin.fr/plan', website: null, 'democratie.any': true,
      'democratie[1].title': 'Portail citoyen', 'democratie[1].description': 'Un portail unique pour toutes les démarches, ouvert à tous les habitants.',
      'democratie[1].enjeu': 'participation', 'democratie[1].status': 'terminee', 'democratie[1].start_date': '2024-03-01',
      'democratie[1].end_date': '2025-06-30', 'democratie[1].url': null, 'democratie[1].more': false,
      'vivre_ensemble.any': false, 'connaissances.any': false, 'richesses.any': false, mentions: null, jury_message: 'Merci au jury !',
      publication_consent: true,
    });
    const app = await db.prisma.application.findFirstOrThrow({ where: { territoryCode: '54480' } });
    expect(app).toMatchObject({ status: 'submitted', authors: ['29:fr'], reference: expect.stringMatching(/^VI-2027-54480-\d+$/) });
    expect((await db.prisma.member.findUniqueOrThrow({ where: { teamsUserId: '29:fr' } })).territoryCode).toBe('54480');
  });
});

const EN: Who = { user: '29:en', locale: 'en-US' };
describe('in English', () => {
  it('a complete application, with errors, back, skip, help and progress', async () => {
    await play(EN, [
      ['resume my application', /Let’s prepare the application of \*\*Bron\*\*[\s\S]*\*\*You and your role\*\* \(part 1 of 7\)[\s\S]*What are your first and last names\?/],
      ['Ada Lovelace', /In what capacity[\s\S]*1\. Elected official/],
      ['Staff of the local authority', /What is your position/],
      ['Digital officer', /Which e-mail address/],
      ['ada@', /“ada@” is not a valid e-mail address\. I expect an e-mail address/],
      ['ada@bron.fr', /Which phone number/],
      ['skip', /Question skipped\.[\s\S]*first application/],
      ['maybe', /I did not understand “maybe”\. I expect “yes” or “no”/],
      ['back', /Back to the previous question\.[\s\S]*Which phone number[\s\S]*Current answer: \(skipped\)/],
      ['04 72 36 00 00', /first application/],
      ['yes', /full-time equivalent/],
      ['help', /\*\*Help — How many people work on digital matters[\s\S]*1\.5 for one full-time and one half-time person[\s\S]*I expect a number between 0 and 5,000/],
      ['1,200', /Which services do you offer online/],
      ['skip', /digital strategy/],
      ['no', /website/],
      ['bron.fr', /Democracy and public services[\s\S]*Do you have an action/],
      ['where am I', /^You have answered 10 of 17 questions\. Parts completed: You and your role, Your territory\. Current part: Democracy and public services\.$/],
      ['no', /Living together/],
      ['yes', /Action 1 — What is the title/],
      ['Digital help desk', /Describe the action/],
      ['A weekly help desk where volunteers help residents with online procedures.', /Which issue/],
      ['1', /status of this action/],
      ['Ongoing', /When did it start/],
      ['32/13/2025', /“32\/13\/2025” is not a date I understand\. I expect a date as DD\/MM\/YYYY between 01\/01\/1990 and 27\/11\/2026/],
      ['September 2025', /web page about it/],
      ['skip', /another action in the category “Living together”/],
      ['no', /Sharing knowledge/],
      ['no', /Creating wealth/],
      ['no', /thematic mention/],
      ['1, 2', /message for the jury/],
      ['skip', /publishes your actions/],
      ['skip', /This question is required: I cannot skip it\. I expect “yes” or “no”\./],
      ['yes', /Application summary — Bron[\s\S]*1\. Name: Ada Lovelace[\s\S]*Type “edit”/],
      ['summary', /Application summary — Bron/],
      ['submit', /Thank you! The application of \*\*Bron\*\* is submitted\. Reference: \*\*VI-2027-69029-\d+\*\*/],
      ['resume my application', /was submitted on 27\/11\/2026 \(reference VI-2027-69029-\d+\): it can no longer be changed/],
    ]);
    const answers = await answersOf('69029');
    expect(answers).toMatchObject({ contact_phone: '+33472360000', digital_staff: 1200, online_services: null, website: 'https://bron.fr/',
      'vivre_ensemble[1].start_date': '2025-09-01', mentions: ['democratie_locale', 'mediation_numerique'] });
  });
});

describe('cards', () => {
  it('choice questions come as cards whose buttons carry the choice; typing works as well', async () => {
    const who: Who = { user: '29:cards', locale: 'fr-FR' };
    const m = await touchMember(db.prisma, { teamsUserId: who.user });
    await attachApproved(db.prisma, m.id, '13055');
    await chat.send('candidature', who);
    const [role] = await chat.send('Jean Dupont', who);
    expect(role!.card).toBeDefined();
    expect(role!.buttons.map((b) => b.title)).toEqual(['Élu ou élue', 'Agent de la collectivité', 'Acteur local (association, entreprise…)']);
    expect(role!.buttons[1]!.data).toEqual({ arobase: 'answer', q: 'contact_role', value: 'agent' });
    // A stale card (another question) is refused without storing anything.
    expect(all(await chat.send({ arobase: 'answer', q: 'first_participation', value: 'true' }, who))).toMatch(/ne correspond plus à la question en cours/);
    await chat.send(role!.buttons[1]!.data, who);
    expect((await answersOf('13055')).contact_role).toBe('agent');
    expect((await answersOf('13055')).first_participation).toBeUndefined();
  });

  it('a long summary is split into cards Teams accepts, numbered continuously', () => {
    const a: Record<string, unknown> = { contact_name: 'x'.repeat(120) };
    for (const g of ['democratie', 'vivre_ensemble', 'connaissances', 'richesses']) {
      a[`${g}.any`] = true;
      for (let i = 1; i <= 5; i++) {
        Object.assign(a, { [`${g}[${i}].title`]: 'T'.repeat(120), [`${g}[${i}].description`]: 'D'.repeat(2000), [`${g}[${i}].enjeu`]: 'autre',
          [`${g}[${i}].status`]: 'en_cours', [`${g}[${i}].more`]: i < 5 });
      }
    }
    const messages = reviewMessages(getDefinition(28), a as never, 'fr', { title: 'Récapitulatif', editable: true });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(JSON.stringify(m).length).toBeLessThan(28_000);
    const numbers = messages.flatMap((m) => [...String(m.summary).matchAll(/^(\d+)\. /gm)].map((x) => Number(x[1])));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(String(messages[2]!.summary)).toMatch(/\(suite\)/);
  });
});
