// Real token validation: botbuilder checks genuinely signed tokens against a loopback OpenID configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';
import { BOT_ISSUER, LoopbackCredentialsFactory, startTokenIssuer, type TokenIssuer } from './helpers/tokenIssuer.ts';

const APP_ID = '00000000-0000-0000-0000-00000000a0b0';
let t: TestBot;
let issuer: TokenIssuer;
let n = 0;

beforeAll(async () => {
  issuer = await startTokenIssuer(APP_ID, () => t.connector.url);
  t = await startTestBot(
    {
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-in-tests',
      // botbuilder takes all of these once one is overridden (design.md: testing real authentication offline).
      ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl, ToBotFromChannelTokenIssuer: BOT_ISSUER,
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com', ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    },
    { credentialsFactory: new LoopbackCredentialsFactory(APP_ID) },
  );
});
afterAll(async () => { await t?.close(); await issuer?.close(); });

async function send(authorization: string | undefined) {
  const userId = `29:auth-${++n}`;
  const before = t.connector.received.length;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(`${t.base}/api/messages`, { method: 'POST', headers, body: JSON.stringify(messageActivity('aide', t.opts({ userId }))) });
  const member = await t.db.prisma.member.findUnique({ where: { teamsUserId: userId } });
  return { status: res.status, replies: t.connector.received.length - before, processed: member !== null };
}

const hour = 3600;
const now = () => Math.floor(Date.now() / 1000);

describe('with credentials set, POST /api/messages', () => {
  it.each<[string, () => string | undefined]>([
    ['missing', () => undefined],
    ['empty', () => ''],
    ['malformed', () => 'Bearer not.a.jwt'],
    ['not a bearer token', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['expired', () => `Bearer ${issuer.token({ iat: now() - 3 * hour, nbf: now() - 3 * hour, exp: now() - 2 * hour })}`],
    ['wrongly signed', () => `Bearer ${issuer.token({}, { key: issuer.foreignKey })}`],
    ['signed by an unknown key', () => `Bearer ${issuer.token({}, { kid: 'someone-else' })}`],
    ['for another bot (audience)', () => `Bearer ${issuer.token({ aud: 'another-app-id' })}`],
    ['from another issuer', () => `Bearer ${issuer.token({ iss: 'https://evil.example' })}`],
    ['for another serviceUrl', () => `Bearer ${issuer.token({ serviceurl: 'https://smba.example/other' })}`],
    ['correctly signed but without exp', () => `Bearer ${issuer.token({ exp: undefined })}`],
  ])('refuses a %s token with 401 and processes nothing', async (_kind, authorization) => {
    const r = await send(authorization());
    expect(r).toEqual({ status: 401, replies: 0, processed: false });
  });

  it('accepts a valid token: the turn runs and the reply reaches the connector', async () => {
    const r = await send(`Bearer ${issuer.token()}`);
    expect(r).toEqual({ status: 200, replies: 1, processed: true });
    const last = t.connector.received.at(-1)!;
    expect(String(last.body.summary ?? last.body.text)).toContain('Posez-moi une question');
  });
});

describe('with the OpenID metadata unreachable (production settings, no network)', () => {
  let down: TestBot;
  const logs: string[] = [];
  beforeAll(async () => {
    down = await startTestBot(
      {
        MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-in-tests',
        ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/openid', ToBotFromChannelTokenIssuer: BOT_ISSUER,
        ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com', ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      },
      { credentialsFactory: new LoopbackCredentialsFactory(APP_ID), logs },
    );
  });
  afterAll(async () => { await down?.close(); });

  it('a well-formed token gets 503 with Retry-After and a generic body; the cause is logged', async () => {
    const res = await fetch(`${down.base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${issuer.token()}` },
      body: JSON.stringify(messageActivity('aide', down.opts({ userId: '29:auth-down' }))),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = await res.text();
    expect(body).toBe('{"error":"authentication temporarily unavailable"}');
    expect(logs.some((l) => /token validation unavailable/.test(l) && /ECONNREFUSED|fetch failed|openid|metadata/i.test(l))).toBe(true);
    expect(await down.db.prisma.member.count({ where: { teamsUserId: '29:auth-down' } })).toBe(0);
  });
});
