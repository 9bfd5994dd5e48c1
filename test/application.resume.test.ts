// Resume after a restart: the database (a PGlite folder) is closed and reopened by a new client, the dialogs are
// rebuilt from nothing; the conversation continues mid-question and the draft resumes on another device.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { setMemberTerritory, touchMember } from '../data/members.ts';
import { attachApproved } from './helpers/membership.ts';
import { createTestConversation, type Reply, type TestConversation, type Who } from './helpers/applicationHarness.ts';

const dir = mkdtempSync(join(tmpdir(), 'arobase-resume-'));
let db: Database;
const all = (replies: Reply[]) => replies.map((r) => r.text).join('\n---\n');

/** A new bot: a new database client on the same folder and new dialogs (nothing kept in memory). */
async function restart(): Promise<TestConversation> {
  await db?.close();
  db = await openDatabase({ url: `pglite:${dir}`, migrate: false });
  return createTestConversation({ db, prisma: db.prisma, registry: getRegistry(), adminIds: [], now: () => new Date('2026-11-27T10:00:00Z'),
    resolveTerritory: async () => ({ status: 'not_found', suggestions: [] }) });
}

beforeAll(async () => {
  db = await openDatabase({ url: `pglite:${dir}`, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]), migrate: false });
  for (const [id, name] of [['29:ada', 'Ada'], ['29:bob', 'Bob']] as const) {
    const m = await touchMember(db.prisma, { teamsUserId: id, name });
    await attachApproved(db.prisma, m.id, '38185');
  }
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const desktop: Who = { user: '29:ada', conversation: 'a:ada-desktop' };
const phone: Who = { user: '29:ada', conversation: 'a:ada-phone', locale: 'en-US' };
const bob: Who = { user: '29:bob', conversation: 'a:bob' };

describe('resume after a restart', () => {
  it('continues mid-question in the same conversation, then on another device and for a teammate', async () => {
    let chat = await restart();
    await chat.send('candidature', desktop);
    await chat.send('Ada Lovelace', desktop);
    expect(all(await chat.send('2', desktop))).toMatch(/Quelle est votre fonction/);

    chat = await restart();
    // No « reprendre »: the dialog stack was in the database too, the answer goes to the pending question.
    expect(all(await chat.send('Cheffe de projet', desktop))).toMatch(/adresse e-mail/);
    expect(all(await chat.send('pas-un-mail', desktop))).toMatch(/n’est pas une adresse e-mail valide/);

    chat = await restart();
    expect(all(await chat.send('resume my application', phone))).toMatch(/Let’s resume the application of \*\*Grenoble\*\*: 3 of 17 answers already saved[\s\S]*Which e-mail address/);
    expect(all(await chat.send('ada@grenoble.fr', phone))).toMatch(/Which phone number/);

    chat = await restart();
    expect(all(await chat.send('candidature', bob))).toMatch(/Reprenons la candidature de \*\*Grenoble\*\* : 4 réponse\(s\) sur 17[\s\S]*numéro de téléphone/);
    // The desktop conversation still waits on the e-mail question, already answered from the phone: it now shows the teammate's value.
    expect(all(await chat.send('retour', desktop))).toMatch(/Quelle est votre fonction[\s\S]*Réponse actuelle : Cheffe de projet/);

    const row = await db.prisma.application.findFirstOrThrow({ where: { territoryCode: '38185' } });
    expect(row.answers).toEqual({ contact_name: 'Ada Lovelace', contact_role: 'agent', contact_function: 'Cheffe de projet', contact_email: 'ada@grenoble.fr' });
    expect(await db.prisma.botState.count()).toBeGreaterThanOrEqual(3); // one dialog state per conversation
  }, 60_000);
});
