// Walkthrough defects of #15, as conversation tables: a summary asked mid-way, then the walkthrough goes on where it
// was; an end date before its start date refused (French and English); an empty draft left out of the export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { touchMember } from '../data/members.ts';
import { exportApplications } from '../data/applications/index.ts';
import { attachApproved } from './helpers/membership.ts';
import { createTestConversation, type Reply, type TestConversation, type Who } from './helpers/applicationHarness.ts';
import { openTestDatabase } from './helpers/testDb.ts';

let db: Database;
let chat: TestConversation;
const FR: Who = { user: '29:flow-fr', locale: 'fr-FR' };
const EN: Who = { user: '29:flow-en', locale: 'en-US' };
const EMPTY: Who = { user: '29:flow-empty', locale: 'fr-FR' };

beforeAll(async () => {
  db = await openTestDatabase();
  chat = createTestConversation({ db, prisma: db.prisma, registry: getRegistry(), adminIds: [], now: () => new Date('2026-11-27T10:00:00Z'),
    resolveTerritory: async () => ({ status: 'not_found', suggestions: [] }) });
  for (const [who, code] of [[FR, '38185'], [EN, '69029'], [EMPTY, '13055']] as const) {
    await attachApproved(db.prisma, (await touchMember(db.prisma, { teamsUserId: who.user, name: who.user })).id, code);
  }
});
afterAll(async () => { await db?.close(); });

type Step = [input: string | { click: string }, expected: RegExp];
async function play(who: Who, steps: Step[]) {
  let last: Reply[] = [];
  for (const [input, expected] of steps) {
    const data = typeof input === 'object' ? last.flatMap((r) => r.buttons).find((b) => b.title === input.click)?.data : undefined;
    if (typeof input === 'object' && !data) throw new Error(`no button « ${input.click} »`);
    last = await chat.send(data ?? (input as string), who);
    expect(last.map((r) => r.text).join('\n---\n'), JSON.stringify(input)).toMatch(expected);
  }
}
const answers = async (code: string) => (await db.prisma.application.findFirstOrThrow({ where: { territoryCode: code } })).answers as Record<string, unknown>;

// The territory section, then the first action up to its dates (« 2 » = terminée).
const TO_ACTION = ['non', '4', '3', '1, 2', 'non', 'www.ville.fr', 'oui', 'Portail citoyen',
  'Un portail unique pour toutes les démarches, ouvert à tous les habitants.', '1', '2'];

describe('a summary asked mid-way', () => {
  it('then the answer to the question they were on, or « continuer », or the Continue button: the walkthrough goes on', async () => {
    await play(FR, [
      ['candidature', /Quels sont vos prénom et nom/],
      ['Marie Curie', /À quel titre/],
      ['récapitulatif', /Récapitulatif de la candidature — Grenoble[\s\S]*Prénom et nom : Marie Curie[\s\S]*répondez simplement à la question suivante : À quel titre/],
      ['1', /Quelle est votre fonction/], // the answer to « À quel titre », given from the summary
      ['récapitulatif', /Récapitulatif[\s\S]*Rôle : Élu ou élue[\s\S]*Fonction : \(sans réponse\)/],
      ['continuer', /Reprenons où vous en étiez[\s\S]*Quelle est votre fonction/],
      ['Maire adjointe', /adresse e-mail/],
      ['recap', /Récapitulatif/],
      [{ click: 'Continuer' }, /Reprenons où vous en étiez[\s\S]*adresse e-mail/],
    ]);
    expect(await answers('38185')).toMatchObject({ contact_name: 'Marie Curie', contact_role: 'elu', contact_function: 'Maire adjointe' });
  });
});

describe('an end date before its start date', () => {
  it('is refused in English, with both dates, and nothing is stored; the same day is fine', async () => {
    await play(EMPTY, [['candidature', /Quels sont vos prénom et nom/]]); // Marseille's draft stays empty
    await play(EN, [
      ['resume my application', /What are your first and last names/],
      ['Ada Lovelace', /In what capacity/], ['2', /./], ['Digital officer', /e-mail/i], ['ada@bron.fr', /phone/i], ['skip', /./],
      ...[...TO_ACTION.map((a) => ({ non: 'no', oui: 'yes' } as Record<string, string>)[a] ?? a), '01/03/2025'].map((a): Step => [a, /./]),
      ['01/01/2025', /The end \(01\/01\/2025\) cannot come before the start of the action \(01\/03\/2025\)/],
      ['01/03/2025', /web page/i], // the same day is fine
    ]);
    expect(await answers('69029')).toMatchObject({ 'democratie[1].start_date': '2025-03-01', 'democratie[1].end_date': '2025-03-01' });
  });

  it('is refused in French, also when the end date is changed later', async () => {
    await play(FR, [['marie@grenoble.fr', /téléphone/], ['passer', /première candidature/]]);
    await play(FR, [...TO_ACTION, '01/03/2025'].map((a): Step => [a, /./]));
    await play(FR, [['01/06/2025', /page web/]]);
    await play(FR, [
      ['retour', /Quand s’est-elle terminée/],
      ['15/02/2025', /La fin \(15\/02\/2025\) ne peut pas précéder le début de l’action \(01\/03\/2025\)/],
      ['retour', /Quand a-t-elle commencé/],
      // The start moved after the end: the same rule, seen from the other date.
      ['01/07/2025', /La fin \(01\/06\/2025\) ne peut pas précéder le début de l’action \(01\/07\/2025\)/],
    ]);
    expect(await answers('38185')).toMatchObject({ 'democratie[1].start_date': '2025-03-01', 'democratie[1].end_date': '2025-06-01' });
  });
});

describe('the export', () => {
  it('leaves out drafts nobody answered, unless asked', async () => {
    const plain = await exportApplications(db.prisma, 28);
    expect(plain.rows.map((r) => r.territory_code).sort()).toEqual(['38185', '69029']);
    expect(plain.counts).toMatchObject({ applications: 2, emptyDrafts: 1 });
    const all = await exportApplications(db.prisma, 28, { includeEmpty: true });
    expect(all.rows.map((r) => r.territory_code).sort()).toEqual(['13055', '38185', '69029']);
  });
});
