// The member behind each activity (bot/memberCapture.ts): one write per new information, one look-up per activity.
import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { createMemberCapture } from '../bot/memberCapture.ts';
import type { PrismaClient } from '../data/generated/prisma/client.ts';

function fakePrisma() {
  const upserts: { teamsUserId: string; locale?: string }[] = [];
  const prisma = {
    member: {
      upsert: async (args: { where: { teamsUserId: string }; update: { locale?: string } }) => {
        upserts.push({ teamsUserId: args.where.teamsUserId, locale: args.update.locale });
        return { id: `m-${upserts.length}`, teamsUserId: args.where.teamsUserId, active: true, territoryCode: null };
      },
    },
  };
  return { prisma: prisma as unknown as PrismaClient, upserts };
}

const message = (from: string, locale = 'fr-FR'): Activity => ({
  type: 'message', id: `m-${Math.random()}`, channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1', locale, text: 'aide',
  from: { id: from, name: 'Élue' }, recipient: { id: '28:bot', name: 'arobase' },
  conversation: { id: `a:${from}`, conversationType: 'personal' },
} as unknown as Activity);

describe('member capture', () => {
  it('asked twice in one turn, writes once and gives the same member', async () => {
    const { prisma, upserts } = fakePrisma();
    const members = createMemberCapture(prisma);
    const activity = message('29:ada');
    const [a, b] = await Promise.all([members.capture(activity), members.capture(activity)]);
    expect(upserts).toHaveLength(1);
    expect(b).toBe(a);
    expect(await members.capture(activity)).toBe(a);
    expect(upserts).toHaveLength(1);
  });

  it('the next message with the same information writes nothing; a changed locale or a forgotten member writes', async () => {
    const { prisma, upserts } = fakePrisma();
    const members = createMemberCapture(prisma);
    await members.capture(message('29:ada'));
    await members.capture(message('29:ada'));
    expect(upserts).toHaveLength(1);
    await members.capture(message('29:ada', 'en-US'));
    expect(upserts.map((u) => u.locale)).toEqual(['fr-FR', 'en-US']);
    members.forget('29:ada');
    await members.capture(message('29:ada', 'en-US'));
    expect(upserts).toHaveLength(3);
  });

  it('the bot itself is no member', async () => {
    const { prisma, upserts } = fakePrisma();
    const members = createMemberCapture(prisma);
    const own = { ...message('28:bot'), recipient: { id: '28:bot' } } as Activity;
    expect(await members.capture(own)).toBeNull();
    expect(upserts).toHaveLength(0);
  });
});
