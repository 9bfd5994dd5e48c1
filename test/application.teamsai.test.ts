// The walkthrough inside a Teams AI `Application`, wired as bot/app.ts will: registerApplicationDialogs in beforeTurn,
// dialog stack in the Teams AI conversation state (StateStorage), other routes untouched when no walkthrough runs.
import { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { setMemberTerritory, touchMember } from '../data/members.ts';
import { attachApproved } from './helpers/membership.ts';
import { StateStorage } from '../bot/stateStorage.ts';
import { sqlOf } from '../data/sql.ts';
import { createApplicationDialogs } from '../dialogs/application/index.ts';
import { registerApplicationDialogs } from '../dialogs/application/teamsAi.ts';
import { openTestDatabase } from './helpers/testDb.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  const m = await touchMember(db.prisma, { teamsUserId: '29:ada', name: 'Ada' });
  await attachApproved(db.prisma, m.id, '38185');
});
afterAll(async () => { await db?.close(); });

/** A fresh Application each time: a restarted process, sharing only the database. */
function bot() {
  const app = new Application<TurnState>({ storage: new StateStorage(sqlOf(db)), startTypingTimer: false, longRunningMessages: false });
  registerApplicationDialogs(app, createApplicationDialogs({ prisma: db.prisma, registry: getRegistry(), adminIds: [] }));
  app.message(/^\s*aide\s*$/i, async (context) => { await context.sendActivity('route: aide'); });
  app.activity(ActivityTypes.Message, async (context) => { await context.sendActivity('route: catch-all'); });
  const adapter = new TestAdapter(async (context) => { await app.run(context); });
  return async (input: string | Record<string, unknown>) => {
    await adapter.receiveActivity({
      type: 'message', channelId: 'msteams', locale: 'fr-FR', from: { id: '29:ada', name: 'Ada' },
      conversation: { id: 'a:ada' } as Activity['conversation'], ...(typeof input === 'string' ? { text: input } : { value: input }),
    });
    return adapter.activeQueue.splice(0).map((a) => a.text || a.summary || '').join('\n---\n');
  };
}

describe('inside Teams AI', () => {
  it('takes the turn only while a walkthrough runs or is asked for', async () => {
    let say = bot();
    expect(await say('bonjour')).toBe('route: catch-all');
    // A turn outside any walkthrough leaves nothing of it in the conversation state.
    const before = await db.prisma.botState.findMany({ where: { key: { contains: 'a:ada' } } });
    expect(JSON.stringify(before.map((r) => r.value))).not.toContain('applicationDialog');
    expect(await say('aide')).toBe('route: aide');
    expect(await say({ verb: 'another-feature' })).toBe('route: catch-all'); // another card's submit is not an answer
    expect(await say('candidature')).toMatch(/Préparons la candidature de \*\*Grenoble\*\*[\s\S]*Quels sont vos prénom et nom/);
    expect(await say('Ada Lovelace')).toMatch(/À quel titre/);
    // In a walkthrough, « aide » is the walkthrough's help, not the route's.
    expect(await say('aide')).toMatch(/\*\*Aide — À quel titre/);

    say = bot(); // restart: the dialog stack comes back from the Teams AI conversation state in the database
    expect(await say('2')).toMatch(/Quelle est votre fonction/);
    expect(await say('annuler')).toMatch(/brouillon est enregistré/);
    expect(await say('bonjour')).toBe('route: catch-all');
    const row = await db.prisma.application.findFirstOrThrow({ where: { territoryCode: '38185' } });
    expect(row.answers).toEqual({ contact_name: 'Ada Lovelace', contact_role: 'agent' });
  });
});
