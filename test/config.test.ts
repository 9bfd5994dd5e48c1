import { describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config.ts';

describe('configuration', () => {
  it('defaults: port 3978, local mode, embedded database, no admins', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, localMode: true, DATABASE_URL: undefined, ADMIN_IDS: [], LOG_LEVEL: 'info' });
  });

  it('listens on loopback only in local mode (no token checked), on every interface with credentials, or where HOST says', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(() => loadConfig({ HOST: 'a b' })).toThrow(/HOST doit être/);
  });

  it('reads credentials and the admin list', () => {
    const c = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', ADMIN_IDS: ' 29:a , aad-b,, ' });
    expect(c.localMode).toBe(false);
    expect(c.ADMIN_IDS).toEqual(['29:a', 'aad-b']);
  });

  // [environment, the one line that stops startup]
  it.each([
    [{ PORT: 'abc' }, 'Configuration invalide — PORT doit être un entier entre 0 et 65535 (reçu « abc »)'],
    [{ PORT: '70000' }, 'Configuration invalide — PORT doit être un entier entre 0 et 65535 (reçu « 70000 »)'],
    [{ DATABASE_URL: 'mysql://x' }, 'Configuration invalide — DATABASE_URL invalide : « mysql://x » (attendu : vide, pglite:memory, pglite:<dossier> ou postgres://…)'],
    [{ MicrosoftAppType: 'Foo' }, 'Configuration invalide — MicrosoftAppType doit valoir MultiTenant, SingleTenant ou UserAssignedMSI'],
    [{ LOG_LEVEL: 'loud' }, 'Configuration invalide — LOG_LEVEL doit valoir fatal, error, warn, info, debug, trace ou silent'],
    [{ MicrosoftAppId: 'app' }, 'Configuration invalide — MicrosoftAppPassword est requis quand MicrosoftAppId est défini'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'Configuration invalide — MicrosoftAppTenantId est requis pour MicrosoftAppType=SingleTenant'],
  ])('%o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
