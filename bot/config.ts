// Configuration, parsed once from the environment. A wrong value stops startup with one line naming it.
import { notifySettings, type NotifySettings } from '../data/notifications/service.ts';
import { z } from 'zod/v4';
import { parseDatabaseUrl } from '../data/database.ts';

const optionalText = z.string().trim().optional().transform((v) => (v ? v : undefined));
const intFrom = (name: string, min: number, max: number, fallback: number) =>
  z.string().trim().optional().transform((v, ctx) => {
    if (!v) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${name} doit être un entier entre ${min} et ${max} (reçu « ${v} »)` });
      return z.NEVER;
    }
    return n;
  });

const schema = z.object({
  PORT: intFrom('PORT', 0, 65535, 3978), // 0 = any free port (tests)
  /** Unset: 127.0.0.1 in local mode (no token checked: nobody else may reach it), 0.0.0.0 with credentials. */
  HOST: optionalText.pipe(z.string().regex(/^(?:[0-9.]+|[0-9a-fA-F:]+|localhost|[A-Za-z0-9.-]+)$/, { error: 'HOST doit être une adresse IP ou un nom d’hôte (ex. 127.0.0.1, 0.0.0.0)' }).optional()),
  DATABASE_URL: optionalText.superRefine((v, ctx) => {
    try { parseDatabaseUrl(v); } catch (e) { ctx.addIssue({ code: 'custom', message: (e as Error).message }); }
  }),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
    error: 'MicrosoftAppType doit valoir MultiTenant, SingleTenant ou UserAssignedMSI',
  }).optional(),
  MicrosoftAppTenantId: optionalText,
  ADMIN_IDS: z.string().optional().transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)),
  MEMBERSHIP_SHARED_TENANTS: z.string().optional().transform((v) => (v ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)),
  // Hosts a file sent to the bot may be fetched from (Teams gives a SharePoint/OneDrive download URL): https only.
  FILE_DOWNLOAD_HOSTS: z.string().trim().default('*.sharepoint.com,*.sharepoint.us,*.sharepoint-df.com')
    .transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)),
  FILE_DOWNLOAD_TIMEOUT_MS: intFrom('FILE_DOWNLOAD_TIMEOUT_MS', 1000, 120_000, 10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'LOG_LEVEL doit valoir fatal, error, warn, info, debug, trace ou silent',
  }).default('info'),
  OPENAI_API_KEY: optionalText,
  OPENAI_MODEL: z.string().trim().default('gpt-4o-mini'),
  OPENAI_BASE_URL: optionalText.pipe(z.url({ error: 'OPENAI_BASE_URL doit être une URL http(s)://…' }).optional()),
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_ENDPOINT: optionalText.pipe(z.url({ error: 'AZURE_OPENAI_ENDPOINT doit être une URL https://…' }).optional()),
  AZURE_OPENAI_DEPLOYMENT: optionalText,
  AZURE_OPENAI_API_VERSION: optionalText,
  MAX_CONCURRENT_TURNS: intFrom('MAX_CONCURRENT_TURNS', 0, 10_000, 32), // 0 = no global limit (bot/server.ts)
  CONVERSATION_RATE_LIMIT: z.string().trim().default('20,2').transform((v, ctx) => {
    const m = /^(\d+)\s*,\s*(\d+(?:\.\d+)?)$/.exec(v);
    if (!m || Number(m[1]) < 1 || Number(m[2]) <= 0) {
      ctx.addIssue({ code: 'custom', message: `CONVERSATION_RATE_LIMIT doit valoir « rafale,par seconde », par exemple 20,2 (reçu « ${v} »)` });
      return z.NEVER;
    }
    return { burst: Number(m[1]), perSecond: Number(m[2]) };
  }),
  NOTIFY_RATE: z.string().trim().optional().transform((v, ctx) => {
    if (!v) return 50;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0.1 || n > 10_000) {
      ctx.addIssue({ code: 'custom', message: `NOTIFY_RATE doit être un nombre de messages par seconde entre 0,1 et 10000 (reçu « ${v} »)` });
      return z.NEVER;
    }
    return n;
  }),
  NOTIFY_MAX_ATTEMPTS: intFrom('NOTIFY_MAX_ATTEMPTS', 1, 100, 8),
  NOTIFY_WORKER: z.enum(['on', 'off'], { error: 'NOTIFY_WORKER doit valoir on ou off' }).default('on'),
  SEED_SAMPLES: z.enum(['auto', 'never'], { error: 'SEED_SAMPLES doit valoir auto ou never' }).default('auto'),
});

export type Config = Omit<z.output<typeof schema>, 'HOST'> & { localMode: boolean; HOST: string; notify: NotifySettings };

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one French line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? '?');
    const text = issue.message.startsWith(name) ? issue.message : `${name} : ${issue.message}`;
    throw new ConfigError(`Configuration invalide — ${text}`);
  }
  const c = parsed.data;
  if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('Configuration invalide — MicrosoftAppPassword est requis quand MicrosoftAppId est défini');
  }
  if (c.MicrosoftAppType === 'SingleTenant' && !c.MicrosoftAppTenantId) {
    throw new ConfigError('Configuration invalide — MicrosoftAppTenantId est requis pour MicrosoftAppType=SingleTenant');
  }
  let notify: NotifySettings;
  try {
    notify = notifySettings(env);
  } catch (e) {
    throw new ConfigError(`Configuration invalide — ${(e as Error).message}`);
  }
  const localMode = !c.MicrosoftAppId;
  return { ...c, localMode, HOST: c.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'), notify };
}
