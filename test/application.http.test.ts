// The whole application through POST /api/messages, in French and in English, interrupted, resumed after a
// restart of the bot, then exported. Runs once bot/app.ts registers the walkthrough (registerApplicationDialogs).
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config.ts';
import { startBot, type BotHandle } from '../bot/main.ts';
import { setMemberTerritory, touchMember } from '../data/members.ts';
import { attachApproved } from './helpers/membership.ts';
import { cardSubmitActivity, messageActivity, replyText, type ActivityOptions } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';

const wired = readFileSync(new URL('../bot/app.ts', import.meta.url), 'utf8').includes('registerApplicationDialogs');
if (!wired) console.warn('\n⚠ bot/app.ts ne branche pas encore la candidature (registerApplicationDialogs) : test HTTP ignoré.\n');

let t: TestBot;
let bot: BotHandle; // the current process (replaced on restart)
const env = { ADMIN_IDS: '29:admin', CONVERSATION_RATE_LIMIT: '1000,100' }; // a scripted user types faster than a person

async function post(activity: unknown): Promise<string> {
  const before = t.connector.received.length;
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  expect(res.status).toBeLessThan(300);
  return t.connector.received.slice(before).map((c) => replyText(c.body)).join('\n---\n');
}
const say = (text: string, o: Partial<ActivityOptions>) => post(messageActivity(text, t.opts(o)));
const click = (value: Record<string, unknown>, o: Partial<ActivityOptions>) => post(cardSubmitActivity(value, t.opts(o)));

async function restart() {
  await bot.stop();
  bot = await startBot({ config: loadConfig({ PORT: '0', DATABASE_URL: 'pglite:memory', SEED_SAMPLES: 'never', ...env }),
    logger: pino({ level: 'silent' }), db: t.db, startTypingTimer: false, env });
}

beforeAll(async () => {
  if (!wired) return;
  t = await startTestBot(env);
  bot = t.bot;
  for (const [id, code] of [['29:fr', '38185'], ['29:en', '69029']] as const) {
    const m = await touchMember(t.db.prisma, { teamsUserId: id, name: id });
    await attachApproved(t.db.prisma, m.id, code);
  }
});
afterAll(async () => {
  if (!wired) return;
  if (bot !== t.bot) await bot.stop();
  await t.close();
});

const FR = { userId: '29:fr', aadObjectId: 'aad-fr', conversationId: 'a:fr', locale: 'fr-FR' };
const EN = { userId: '29:en', aadObjectId: 'aad-en', conversationId: 'a:en', locale: 'en-US' };
// Answers after the contact section, in order, for a territory with one action (the shortest full path).
const REST = ['non', '4', '3', '1, 2', 'non', 'www.ville.fr', 'oui', 'Portail citoyen',
  'Un portail unique pour toutes les démarches, ouvert à tous les habitants.', '1', '1', '01/03/2025', 'passer', 'non',
  'non', 'non', 'non', 'passer', 'passer', 'oui'];

describe.skipIf(!wired)('the application through POST /api/messages', () => {
  it('French: interrupted, resumed after a restart, submitted', async () => {
    expect(await say('candidature', FR)).toMatch(/Préparons la candidature de \*\*Grenoble\*\*/);
    expect(await say('Marie Curie', FR)).toMatch(/À quel titre/);
    expect(await click({ arobase: 'answer', q: 'contact_role', value: 'elu' }, FR)).toMatch(/Quelle est votre fonction/);
    expect(await say('annuler', FR)).toMatch(/brouillon est enregistré/);
    await restart();
    expect(await say('reprendre ma candidature', FR)).toMatch(/Reprenons la candidature de \*\*Grenoble\*\* : 2 réponse\(s\)[\s\S]*Quelle est votre fonction/);
    for (const text of ['Maire adjointe', 'marie@grenoble.fr', 'passer', ...REST.slice(0, 8)]) await say(text, FR);
    await restart(); // mid-walkthrough, without « reprendre »
    let last = '';
    for (const text of REST.slice(8)) last = await say(text, FR);
    expect(last).toMatch(/Récapitulatif de la candidature — Grenoble/);
    expect(await say('envoyer', FR)).toMatch(/Référence : \*\*VI-2027-38185-1\*\*/);
    // What was sent stays readable, read-only, by the territory's approved members; by nobody else.
    const sent = await say('candidature', FR);
    expect(sent).toMatch(/a été envoyée le[\s\S]*Candidature de Grenoble \(envoyée\) — VI-2027-38185-1[\s\S]*Prénom et nom : Marie Curie/);
    expect(sent).not.toMatch(/Modifier|Envoyer la candidature/);
    expect(await say('voir candidature 38185', FR)).toMatch(/Prénom et nom : Marie Curie/);
    const outsider = await say('voir candidature 38185', EN);
    expect(outsider).toMatch(/You do not have access/);
    expect(outsider).not.toMatch(/Marie Curie/);
  });

  it('English: a full application', async () => {
    const answers = ['resume my application', 'Ada Lovelace', '2', 'Digital officer', 'ada@bron.fr', 'skip',
      ...REST.map((a) => ({ non: 'no', oui: 'yes', passer: 'skip' } as Record<string, string>)[a] ?? a)];
    let last = '';
    for (const text of answers) last = await say(text, EN);
    expect(last).toMatch(/Application summary — Bron/);
    expect(await say('submit', EN)).toMatch(/Reference: \*\*VI-2027-69029-2\*\*/);
  });

  it('exported by an admin in the chat', async () => {
    const reply = await say('exporter les candidatures', { userId: '29:admin', conversationId: 'a:admin' });
    expect(reply).toMatch(/2 candidature\(s\) : 2 envoyée\(s\), 0 brouillon\(s\)\. 2 action\(s\) décrite\(s\)/);
  });
});
