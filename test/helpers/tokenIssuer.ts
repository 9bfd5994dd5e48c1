// A loopback stand-in for the Bot Framework's token issuer: publishes an OpenID configuration and a signing key,
// and signs channel tokens (valid, expired, forged, wrong audience…) the real botbuilder validation checks.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(payload));
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key);
  return `${head}.${body}.${b64url(signature)}`;
}

export type TokenIssuer = {
  metadataUrl: string;
  /** A channel token as Teams sends it; override any claim. */
  token(claims?: Record<string, unknown>, options?: { key?: KeyObject; kid?: string }): string;
  /** A private key the issuer does not publish (forged signatures). */
  foreignKey: KeyObject;
  close(): Promise<void>;
};

export const BOT_ISSUER = 'https://api.botframework.com';

export async function startTokenIssuer(appId: string, serviceUrl: () => string): Promise<TokenIssuer> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = 'arobase-test-key';
  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') {
      res.end(JSON.stringify({ issuer: BOT_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/keys') {
      res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const now = () => Math.floor(Date.now() / 1000);
  return {
    metadataUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`,
    foreignKey,
    token(claims = {}, options = {}) {
      const payload = { iss: BOT_ISSUER, aud: appId, serviceurl: serviceUrl(), nbf: now() - 60, iat: now() - 60, exp: now() + 3600, ...claims };
      return signJwt(payload, options.key ?? privateKey, options.kid ?? kid);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Outgoing calls to the (fake) connector carry a fixed bearer token instead of an Entra one. */
export class LoopbackCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }
  async isValidAppId(appId: string) { return appId === this.appId; }
  async isAuthenticationDisabled() { return false; }
  async createCredentials(): Promise<ServiceClientCredentials> {
    return { signRequest: async (r) => { r.headers.set('authorization', 'Bearer loopback-outgoing'); return r; } };
  }
}
