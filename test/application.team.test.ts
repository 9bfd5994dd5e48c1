// Team work: members of one territory share its draft; simultaneous edits are settled by the version; other
// territories see nothing; admins read, export and reopen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { setMemberTerritory, touchMember } from '../data/members.ts';
import { attachApproved } from './helpers/membership.ts';
import { createTestConversation, type Reply, type TestConversation, type Who } from './helpers/applicationHarness.ts';
import { openTestDatabase } from './helpers/testDb.ts';

let db: Database;
let chat: TestConversation;
const all = (replies: Reply[]) => replies.map((r) => r.text).join('\n---\n');
const say = async (who: Who, input: string | Record<string, unknown>) => all(await chat.send(input, who));
const answers = async (code: string) => (await db.prisma.application.findFirstOrThrow({ where: { territoryCode: code } })).answers as Record<string, unknown>;

const ada: Who = { user: '29:ada', conversation: 'a:ada-desktop' };
const adaPhone: Who = { user: '29:ada', conversation: 'a:ada-phone' };
const bob: Who = { user: '29:bob', conversation: 'a:bob' };
const eve: Who = { user: '29:eve', conversation: 'a:eve' };
const admin: Who = { user: '29:admin', conversation: 'a:admin' };

beforeAll(async () => {
  db = await openTestDatabase();
  chat = createTestConversation({ db, prisma: db.prisma, registry: getRegistry(), adminIds: ['29:admin'], now: () => new Date('2026-11-27T10:00:00Z'),
    resolveTerritory: async () => ({ status: 'not_found', suggestions: [] }) });
  for (const [id, name, code] of [['29:ada', 'Ada Lovelace', '38185'], ['29:bob', 'Bob Martin', '38185'], ['29:eve', 'Ève Durand', '69029']] as const) {
    const m = await touchMember(db.prisma, { teamsUserId: id, name });
    await attachApproved(db.prisma, m.id, code);
  }
});
afterAll(async () => { await db?.close(); });

describe('one draft per territory, shared', () => {
  it('a teammate resumes where the other stopped, in another conversation', async () => {
    expect(await say(ada, 'candidature')).toMatch(/Préparons la candidature de \*\*Grenoble\*\*/);
    expect(await say(ada, 'Ada Lovelace')).toMatch(/À quel titre/);
    expect(await say(bob, 'reprendre ma candidature')).toMatch(/Reprenons la candidature de \*\*Grenoble\*\* : 1 réponse\(s\) sur 17[\s\S]*À quel titre/);
    expect(await say(adaPhone, 'reprendre ma candidature')).toMatch(/1 réponse\(s\) sur 17[\s\S]*À quel titre/);
  });

  it('the later writer is told, sees the current value, and chooses', async () => {
    // Both were asked « À quel titre… ? » at the same version; Bob answers first.
    expect(await say(bob, '1')).toMatch(/Quelle est votre fonction/);
    expect(await say(ada, '2')).toMatch(/Entre-temps, une autre réponse à cette question a été enregistrée par Bob Martin : « Élu ou élue »\. Votre réponse « Agent de la collectivité » n’est pas enregistrée\. Voulez-vous remplacer/);
    expect((await answers('38185')).contact_role).toBe('elu');
    expect(await say(ada, 'oui')).toMatch(/Quelle est votre fonction/);
    expect((await answers('38185')).contact_role).toBe('agent');
  });

  it('keeping the teammate’s answer stores nothing of ours', async () => {
    expect(await say(bob, 'Maire adjoint')).toMatch(/adresse e-mail/);
    expect(await say(ada, 'Cheffe de projet')).toMatch(/« Maire adjoint »[\s\S]*Voulez-vous remplacer/);
    expect(await say(ada, { arobase: 'answer', q: 'contact_function#conflict', value: 'false' })).toMatch(/D’accord, je garde « Maire adjoint »\.[\s\S]*adresse e-mail/);
    expect((await answers('38185')).contact_function).toBe('Maire adjoint');
  });

  it('edits of different questions at the same time do not conflict', async () => {
    // Ada and Bob were both asked for the e-mail; Bob goes back and changes the role meanwhile.
    expect(await say(bob, 'retour')).toMatch(/Quelle est votre fonction/);
    expect(await say(bob, 'retour')).toMatch(/À quel titre/);
    expect(await say(bob, '3')).toMatch(/adresse e-mail/);
    const reply = await say(ada, 'ada@grenoble.fr');
    expect(reply).not.toMatch(/Entre-temps/);
    expect(reply).toMatch(/numéro de téléphone/);
    expect(await answers('38185')).toMatchObject({ contact_role: 'acteur', contact_email: 'ada@grenoble.fr' });
    const row = await db.prisma.application.findFirstOrThrow({ where: { territoryCode: '38185' } });
    expect(new Set(row.authors)).toEqual(new Set(['29:ada', '29:bob']));
  });

  it('the same person on two devices is told it was them', async () => {
    expect(await say(adaPhone, 'reprendre ma candidature')).toMatch(/numéro de téléphone/);
    expect(await say(adaPhone, '06 12 34 56 78')).toMatch(/première candidature/);
    expect(await say(ada, '07 00 00 00 00')).toMatch(/enregistrée par vous-même \(depuis une autre conversation\) : « 06 12 34 56 78 »/);
    expect(await say(ada, 'non')).toMatch(/je garde « 06 12 34 56 78 »[\s\S]*première candidature/);
  });

  it('a question a teammate’s answer made disappear is not answered', async () => {
    expect(await say(ada, 'non')).toMatch(/Combien d’arobases/);
    // Meanwhile a teammate says it is the first application: « last level » no longer applies.
    const row = await db.prisma.application.findFirstOrThrow({ where: { territoryCode: '38185' } });
    await db.prisma.application.update({ where: { id: row.id }, data: { answers: { ...(row.answers as object), first_participation: true }, version: { increment: 1 } } });
    expect(await say(ada, '3')).toMatch(/cette question ne se pose plus\.[\s\S]*Combien de personnes/);
    expect((await answers('38185')).last_level).toBeUndefined();
  });
});

describe('isolation', () => {
  it('another territory’s member gets their own draft and cannot read ours; an admin can', async () => {
    expect(await say(eve, 'candidature')).toMatch(/Préparons la candidature de \*\*Bron\*\*[\s\S]*Quels sont vos prénom et nom/);
    expect(await say(eve, 'voir candidature 38185')).toMatch(/Vous n’avez pas accès à la candidature d’un autre territoire/);
    expect(await say(eve, 'voir candidature 38000')).toMatch(/Vous n’avez pas accès/); // not even « none started »
    const [view] = await chat.send('voir candidature 38185', admin);
    expect(view!.text).toMatch(/Candidature de Grenoble \(brouillon\)[\s\S]*Prénom et nom : Ada Lovelace[\s\S]*E-mail : ada@grenoble\.fr/);
    expect(view!.buttons).toEqual([]); // read-only: no « Modifier »
    expect(await say(bob, 'voir candidature 38185')).toMatch(/Candidature de Grenoble/);
  });

  it('a member whose membership is revoked mid-way loses access at the next turn; declaring another town opens nothing', async () => {
    const eveRow = await db.prisma.member.findUniqueOrThrow({ where: { teamsUserId: '29:eve' } });
    // Self-declared: « ma commune est Grenoble » changes the town, not the access.
    await setMemberTerritory(db.prisma, eveRow.id, '38185');
    expect(await say(eve, 'voir candidature 38185')).toMatch(/Vous n’avez pas accès/);
    await setMemberTerritory(db.prisma, eveRow.id, '69029');
    expect(await say(eve, 'candidature')).toMatch(/Préparons la candidature de \*\*Bron\*\*|Reprenons la candidature de \*\*Bron\*\*/);
    const membership = await db.prisma.membership.findFirstOrThrow({ where: { memberId: eveRow.id, territoryCode: '69029' } });
    await db.prisma.membership.update({ where: { id: membership.id }, data: { status: 'revoked' } });
    expect(await say(eve, 'Ève Durand')).toMatch(/Vous n’avez pas accès/);
    expect((await db.prisma.application.findFirstOrThrow({ where: { territoryCode: '69029' } })).answers).toEqual({});
    await attachApproved(db.prisma, eveRow.id, '69029');
  });
});

describe('admin commands', () => {
  it('export: a card with counts and the CSV file; refused to members', async () => {
    expect(await say(eve, 'exporter les candidatures')).toMatch(/réservée aux administrateurs/);
    const [reply] = await chat.send('exporter les candidatures 28 csv', admin);
    // Bron's draft has no answer: left out, and said so.
    expect(reply!.text).toMatch(/1 candidature\(s\) : 0 envoyée\(s\), 1 brouillon\(s\)\. 0 action\(s\) décrite\(s\)\. 1 brouillon\(s\) sans aucune réponse laissé\(s\) de côté/);
    expect(reply!.files).toEqual(['candidatures-28e.csv']);
    const card = reply!.card as { body: { type: string; facts?: { title: string; value: string }[] }[] };
    expect(card.body.find((b) => b.type === 'FactSet')!.facts!.map((f) => f.title)).toEqual(
      ['Démocratie et services publics', 'Vivre ensemble', 'Partage des connaissances', 'Création de richesses']);
    const [json] = await chat.send('export applications json including empty drafts', { ...admin, locale: 'en-US' });
    expect(json!.text).toMatch(/2 application\(s\): 0 submitted, 2 draft\(s\)/);
    expect(json!.files).toEqual(['candidatures-28e.json']);
  });

  it('reopen a submitted application: admins only, same reference, editable again', async () => {
    const app = await db.prisma.application.findFirstOrThrow({ where: { territoryCode: '69029' } });
    await db.prisma.application.update({ where: { id: app.id }, data: { status: 'submitted', reference: 'VI-2027-69029-1', submittedAt: new Date() } });
    expect(await say(eve, 'candidature')).toMatch(/a été envoyée le .* \(référence VI-2027-69029-1\) : elle ne peut plus être modifiée/);
    expect(await say(eve, 'rouvrir VI-2027-69029-1')).toMatch(/réservée aux administrateurs/);
    expect(await say(admin, 'rouvrir vi-2027-69029-1')).toMatch(/La candidature VI-2027-69029-1 \(Bron\) est rouverte/);
    expect(await say(admin, 'rouvrir VI-2027-69029-99')).toMatch(/Je ne trouve pas la candidature VI-2027-69029-99/);
    expect(await say(eve, 'candidature')).toMatch(/Quels sont vos prénom et nom/);
    expect(await db.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ status: 'draft', reference: 'VI-2027-69029-1' });
  });
});
