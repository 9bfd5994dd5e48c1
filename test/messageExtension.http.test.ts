// The compose-box search (#19) through POST /api/messages, as Teams posts it: unsigned in local mode, signed in
// production mode. « arobase » + a place lists territories with their level; a pick inserts the level card, in the
// user's language; the card's Universal Actions answer from any chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSamplesIfEmpty } from '../data/samples.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { actionExecuteActivity, composeQueryActivity, invokeActivity } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';
import { BOT_ISSUER, LoopbackCredentialsFactory, startTokenIssuer, type TokenIssuer } from './helpers/tokenIssuer.ts';

const APP_ID = '00000000-0000-0000-0000-00000000b0c0';
let local: TestBot;
let prod: TestBot;
let issuer: TokenIssuer;

beforeAll(async () => {
  local = await startTestBot();
  issuer = await startTokenIssuer(APP_ID, () => prod.connector.url);
  prod = await startTestBot({
    MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-in-tests',
    ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl, ToBotFromChannelTokenIssuer: BOT_ISSUER,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com', ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  }, { credentialsFactory: new LoopbackCredentialsFactory(APP_ID) });
  for (const t of [local, prod]) await seedSamplesIfEmpty(t.db, getRegistry());
});
afterAll(async () => { await local?.close(); await prod?.close(); await issuer?.close(); });

type Attachment = { content: { body: unknown[]; actions?: { verb: string; title: string; data: { code: string } }[] }; preview?: { content: { title: string; text: string; tap?: { value: { code: string } } } } };
type Result = { type: string; text?: string; attachments?: Attachment[] };
/** The territory a result is about (its card's actions carry the code; the preview's tap too, in production). */
const codeOf = (a: Attachment) => a.content.actions![0]!.data.code;

let person = 0;
/** Each call from another member of the chat, as when people search in a busy channel (invokes count per person). */
async function invoke(t: TestBot, activity: Record<string, unknown>, authorization?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  activity.from = { ...(activity.from as object), id: `29:searcher-${++person}` };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  const res = await fetch(`${t.base}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}
const query = async (text: string, locale = 'fr-FR', t = local, auth?: string) => {
  const r = await invoke(t, composeQueryActivity(text, { ...t.opts({ locale }), where: 'groupChat' }), auth);
  expect(r.status).toBe(200);
  return (r.body as { composeExtension: Result }).composeExtension;
};
const cardText = (card: unknown) => JSON.stringify(card);

// [what people type in the compose box, the territory that must come first]
const searches: [string, string, RegExp][] = [
  ['Grenoble', '38185', /^Grenoble/],
  ['38185', '38185', /^Grenoble/],
  ['st germain en laye', '78551', /^Saint-Germain-en-Laye/],
  ['St-Germain-en-Laye', '78551', /^Saint-Germain-en-Laye/],
  ['38000', '38185', /^Grenoble/],
  ['niveau de Bron', '69029', /^Bron/],
  ['grenoble ', '38185', /^Grenoble/],
];

describe('composeExtension/query (local mode, unsigned)', () => {
  it.each(searches)('« %s » lists %s first, with its level', async (text, code, title) => {
    const result = await query(text);
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const first = result.attachments![0]!;
    expect(codeOf(first)).toBe(code);
    expect(first.preview!.content.title).toMatch(title);
    expect(first.preview!.content.text.length).toBeGreaterThan(0);
  });

  it('Grenoble’s preview shows its arobases and edition; the card carries the source and both actions', async () => {
    const [first] = (await query('Grenoble')).attachments!;
    expect(first!.preview!.content.text).toMatch(/^@+ · \d+e label \(\d{4}\)/);
    expect(cardText(first!.content)).toMatch(/Source/);
    expect(first!.content.actions!.map((a) => a.verb)).toEqual(['levelHistory', 'levelPalmares']);
    expect(first!.content.actions!.map((a) => a.title)).toEqual(['Historique', expect.stringMatching(/^Palmarès \d{4}$/)]);
  });

  it('in English for an English-speaking user', async () => {
    const [first] = (await query('Grenoble', 'en-US')).attachments!;
    expect(first!.preview!.content.text).toMatch(/^@+ · \d+(st|nd|rd|th) label \(\d{4}\)/);
    expect(first!.content.actions!.map((a) => a.title)).toEqual(['History', expect.stringMatching(/^\d{4} awards$/)]);
  });

  it('local mode (the Agents Playground): no tap in previews, which the Playground refuses; the card is inserted as listed', async () => {
    const [first] = (await query('Grenoble')).attachments!;
    expect(first!.preview!.content.tap).toBeUndefined();
  });

  it('a query as the Playground sends it (no command id, an unnamed parameter) is searched too', async () => {
    const r = await invoke(local, invokeActivity('composeExtension/query', { parameters: [{ value: 'st germain en laye' }] }, local.opts()));
    expect(codeOf((r.body as { composeExtension: Result }).composeExtension.attachments![0]!)).toBe('78551');
  });

  it.each([['Gren', '38185', 1], ['Greno', '38185', 1], ['st germ', '78551', 3], ['Thionvil', '57672', 1]])(
    'as people type (Teams asks at each pause): « %s » lists %s among the first %i', async (text, code, within) => {
      const codes = (await query(text)).attachments!.map(codeOf);
      expect(codes.slice(0, within)).toContain(code);
    });

  it('a client that pages (skip) gets the next results, never the first ones again', async () => {
    const page = async (skip: number) => {
      const activity = composeQueryActivity('Saint-Martin', { ...local.opts(), where: 'groupChat' }) as { value: { queryOptions: object } };
      activity.value.queryOptions = { skip, count: 3 };
      return ((await invoke(local, activity as never)).body as { composeExtension: Result }).composeExtension.attachments!.map(codeOf);
    };
    const [first, second, far] = [await page(0), await page(3), await page(1000)];
    expect(first).toHaveLength(3);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((c) => first.includes(c))).toEqual([]);
    expect(far).toEqual([]);
  });

  it('a name shared by several communes lists them all', async () => {
    const codes = (await query('Saint-Martin')).attachments!.map(codeOf);
    expect(new Set(codes).size).toBeGreaterThan(2);
  });

  it.each(['', 'x', 'zzzqqxw', '<script>alert(1)</script>', 'a'.repeat(5000)])('text %# gives an empty list, not an error', async (text) => {
    const result = await query(text);
    expect(result.type).toBe('result');
    expect(Array.isArray(result.attachments)).toBe(true);
  });

  it('hostile values: no parameters, parameters not a list, another command → a 4xx/200 answer, never a 500 or a stack', async () => {
    for (const value of [{ commandId: 'searchTerritory' }, { commandId: 'searchTerritory', parameters: 'Grenoble' }, { commandId: 'other', parameters: [] }, null]) {
      const r = await invoke(local, invokeActivity('composeExtension/query', value, local.opts()));
      expect(r.status, JSON.stringify(value)).toBeLessThan(500);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });
});

describe('composeExtension/selectItem', () => {
  it.each([['fr-FR', /Grenoble \(Isère\) — \d arobases?/, 'Historique'], ['en-GB', /Grenoble \(Isère\) — \d arobases?/, 'History']])('(%s) inserts the level card', async (locale, title, button) => {
    const r = await invoke(local, invokeActivity('composeExtension/selectItem', { code: '38185' }, { ...local.opts({ locale }), where: 'channel' }));
    expect(r.status).toBe(200);
    const result = (r.body as { composeExtension: Result }).composeExtension;
    expect(cardText(result.attachments![0]!.content)).toMatch(title);
    expect(result.attachments![0]!.content.actions![0]!.title).toBe(button);
  });

  it('an unknown code gets a message, not a card', async () => {
    const r = await invoke(local, invokeActivity('composeExtension/selectItem', { code: '../../etc' }, local.opts()));
    expect((r.body as { composeExtension: Result }).composeExtension).toMatchObject({ type: 'message', text: expect.stringMatching(/relancez la recherche/) });
  });
});

describe('the level card’s Universal Actions', () => {
  const execute = async (verb: string, data: unknown, locale = 'fr-FR') =>
    (await invoke(local, actionExecuteActivity(verb, data, { ...local.opts({ locale }), where: 'groupChat' }))).body as { statusCode: number; type: string; value: unknown };

  it('« Historique » answers with the history card and a way back', async () => {
    const r = await execute('levelHistory', { code: '38185' });
    expect(r).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(r.value)).toMatch(/Grenoble/);
    expect(cardText(r.value)).toMatch(/"verb":"levelShow"/);
  });

  it('« Palmarès de l’année » answers with that palmarès; back shows the level again', async () => {
    const [first] = (await query('Grenoble')).attachments!;
    const palmares = first!.content.actions!.find((a) => a.verb === 'levelPalmares') as unknown as { data: unknown };
    const r = await execute('levelPalmares', palmares.data);
    expect(cardText(r.value)).toMatch(/Palmarès|palmarès/);
    const back = await execute('levelShow', { code: '38185' }, 'en-GB');
    expect(cardText(back.value)).toMatch(/Grenoble \(Isère\) — \d arobase/);
  });

  it('« Palmarès » with an edition that is no edition says so (not that the territory is gone)', async () => {
    for (const edition of [1e9, '22', undefined]) {
      expect((await execute('levelPalmares', { code: '38185', edition })).value).toBe('Je ne trouve pas ce palmarès.');
    }
  });

  it('data from the client is checked: an unknown code or edition gets a message', async () => {
    for (const data of [{ code: 'nope' }, { code: { $ne: 1 } }, {}]) {
      const r = await execute('levelHistory', data);
      expect(r).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    }
  });
});

describe('production mode: signed by the Bot Framework', () => {
  it('a signed query returns results whose pick asks the bot for the card (tap → selectItem); an unsigned one is refused', async () => {
    const result = await query('Grenoble', 'fr-FR', prod, `Bearer ${issuer.token()}`);
    expect(result.attachments![0]!.preview!.content.tap).toEqual({ type: 'invoke', value: { code: '38185' } });
    const unsigned = await invoke(prod, composeQueryActivity('Grenoble', prod.opts()));
    expect(unsigned.status).toBe(401);
  });
});
