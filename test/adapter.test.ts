// The adapter's outgoing clients: one ConnectorClient per (bot app id, audience, service URL) shared by the incoming
// turns, never handed to another service URL, still signing every request with the credentials' current token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { TurnContext } from 'botbuilder';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';
import { createAdapter } from '../bot/adapter.ts';
import { loadConfig } from '../bot/config.ts';
import { messageActivity } from './helpers/activities.ts';
import { startFakeConnector, type FakeConnector } from './helpers/fakeConnector.ts';
import { BOT_ISSUER, startTokenIssuer, type TokenIssuer } from './helpers/tokenIssuer.ts';

const APP_ID = '00000000-0000-0000-0000-00000000c0de';
const silent = pino({ level: 'silent' });
let a: FakeConnector;
let b: FakeConnector;
beforeAll(async () => { [a, b] = await Promise.all([startFakeConnector(), startFakeConnector()]); });
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); });

type Seen = { connector: unknown; userTokens: unknown };
type Adapter = ReturnType<typeof createAdapter>;

/** Runs one incoming turn that replies `text`, and returns the clients the turn was given. */
async function turn(adapter: Adapter, serviceUrl: string, text: string, authorization = ''): Promise<Seen> {
  let seen: Seen | undefined;
  await adapter.processActivityDirect(authorization, messageActivity(text, { serviceUrl }) as never, async (context: TurnContext) => {
    seen = { connector: context.turnState.get(context.adapter.ConnectorClientKey), userTokens: context.turnState.get(adapter.UserTokenClientKey) };
    await context.sendActivity(text);
  });
  return seen!;
}
const replies = (c: FakeConnector) => c.received.map((r) => r.body.text);

describe('createAdapter: outgoing clients of incoming turns', () => {
  it('local mode: one client per service URL, each URL gets its own and the replies go where they should', async () => {
    const adapter = createAdapter(loadConfig({ PORT: '0', DATABASE_URL: 'pglite:memory' }), silent, {});
    const first = await turn(adapter, a.url, 'a1');
    const second = await turn(adapter, a.url, 'a2');
    const other = await turn(adapter, b.url, 'b1');
    const third = await turn(adapter, a.url, 'a3');
    expect(second.connector).toBe(first.connector);
    expect(third.connector).toBe(first.connector);
    expect(second.userTokens).toBe(first.userTokens);
    expect(other.connector).not.toBe(first.connector);
    expect((first.connector as { baseUri: string }).baseUri).toBe(a.url);
    expect((other.connector as { baseUri: string }).baseUri).toBe(b.url);
    expect(replies(a)).toEqual(['a1', 'a2', 'a3']);
    expect(replies(b)).toEqual(['b1']);
    // A proactive turn (the notification sender rewires its client's pipeline) never gets the shared client.
    let proactive: unknown;
    await adapter.continueConversationAsync('', { serviceUrl: a.url, conversation: { id: 'a:conv-1' } } as never, async (context) => {
      proactive = context.turnState.get(context.adapter.ConnectorClientKey);
    });
    expect(proactive).toBeDefined();
    expect(proactive).not.toBe(first.connector);
  });

  describe('with credentials', () => {
    let issuer: TokenIssuer;
    let serviceUrl = '';
    beforeAll(async () => { issuer = await startTokenIssuer(APP_ID, () => serviceUrl); });
    afterAll(async () => { await issuer?.close(); });

    /** Credentials whose token changes (as a refresh would): every request must carry the current one. */
    class RotatingCredentialsFactory extends ServiceClientCredentialsFactory {
      created = 0;
      signed: string[] = [];
      token = 'token-1';
      failNext = false;
      async isValidAppId(appId: string) { return appId === APP_ID; }
      async isAuthenticationDisabled() { return false; }
      async createCredentials(): Promise<ServiceClientCredentials> {
        if (this.failNext) {
          this.failNext = false;
          throw new Error('credentials unavailable');
        }
        this.created++;
        return { signRequest: async (r) => { this.signed.push(this.token); r.headers.set('authorization', `Bearer ${this.token}`); return r; } };
      }
    }

    it('shares the client across turns, signs each request with the current token, retries credentials that failed', async () => {
      const credentials = new RotatingCredentialsFactory();
      const config = loadConfig({ PORT: '0', DATABASE_URL: 'pglite:memory', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-in-tests' });
      const adapter = createAdapter(config, silent, {
        ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl, ToBotFromChannelTokenIssuer: BOT_ISSUER,
        ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com', ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      }, credentials);
      const signedTurn = (url: string, text: string) => { serviceUrl = url; return turn(adapter, url, text, `Bearer ${issuer.token()}`); };

      credentials.failNext = true;
      await expect(signedTurn(a.url, 'refused')).rejects.toThrow('credentials unavailable');
      const first = await signedTurn(a.url, 'c1');
      credentials.token = 'token-2';
      const second = await signedTurn(a.url, 'c2');
      const other = await signedTurn(b.url, 'c3');
      expect(second.connector).toBe(first.connector);
      expect(other.connector).not.toBe(first.connector);
      expect((other.connector as { baseUri: string }).baseUri).toBe(b.url);
      expect(credentials.signed).toEqual(['token-1', 'token-2', 'token-2']);
      // Credentials for the two connector clients and the (shared) user token client, instead of two per turn.
      expect(credentials.created).toBe(3);
      expect(replies(a)).toContain('c2');
      expect(replies(b)).toContain('c3');
      expect(replies(a)).not.toContain('c3');
    });
  });
});
