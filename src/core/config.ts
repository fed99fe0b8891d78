// One environment schema, checked at boot: a bad setting stops start-up with a clear message.
import path from 'node:path';
import { z } from 'zod';

function isHttpUrl(u: string): boolean {
  try {
    return /^https?:$/.test(new URL(u).protocol);
  } catch {
    return false;
  }
}

const urlWithoutPath = z
  .string()
  .refine(isHttpUrl, 'must be a full URL starting with http:// or https://, such as https://aid.example.org')
  .transform((u) => new URL(u).origin);

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce
      .number('must be a whole number from 0 to 65535, such as 3000')
      .int('must be a whole number from 0 to 65535, such as 3000')
      .min(0, 'must be a whole number from 0 to 65535, such as 3000')
      .max(65535, 'must be a whole number from 0 to 65535, such as 3000')
      .default(3000),
    PUBLIC_URL: urlWithoutPath.optional(),
    DATABASE_URL: z
      .string()
      .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must start with postgres:// or postgresql://')
      .optional(),
    SMTP_URL: z
      .string()
      .refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Kropotkin <kropotkin@localhost>'),
    KROPOTKIN_DATA_DIR: z.string().min(1).default('./data'),
    KROPOTKIN_KEY_FILE: z.string().min(1).default('./kropotkin.key'),
    KROPOTKIN_BACKUP_KEY_FILE: z.string().min(1).default('./kropotkin-backup.pub'),
    KROPOTKIN_BACKUP_DIR: z.string().min(1).default('./backups'),
    KROPOTKIN_SECRET_KEY: z
      .string()
      .refine(
        (k) => Buffer.from(k, 'base64').length === 32,
        'must be 32 random bytes in base64 (openssl rand -base64 32)',
      )
      .optional(),
    /** The network's own text-message gateway (docs/HOSTING.md, "Texts"): unset, nobody can text the network. */
    TEXTS_GATEWAY: z
      .enum(['gammu', 'android'], 'must be gammu (a modem through gammu-smsd) or android (a phone)')
      .optional(),
    /** The number people text, as flyers and cards print it. */
    TEXTS_NUMBER: z
      .string()
      .regex(/^\+?[\d ()-]{3,30}$/, 'must be a phone number, such as +1 555 010 2000')
      .optional(),
    /** gammu-smsd's spool: its InboxPath and OutboxPath are inbox/ and outbox/ under it. */
    TEXTS_GAMMU_SPOOL: z.string().min(1).default('/var/spool/kropotkin-texts'),
    /** The phone's gateway (its local server, such as http://192.168.1.20:8080) and the login its app shows. */
    TEXTS_ANDROID_URL: z.string().refine(isHttpUrl, 'must be a full URL such as http://192.168.1.20:8080').optional(),
    TEXTS_ANDROID_LOGIN: z
      .string()
      .regex(/^[^:]+:.+$/, 'must be the user and password the app shows, as user:password')
      .optional(),
    /** The app's webhook signing key (Settings → Webhooks → Signing Key). */
    TEXTS_ANDROID_SIGNING_KEY: z.string().min(8, 'must be the signing key the app shows').optional(),
    /** Whether partner networks may be on private addresses (a LAN, loopback): off, as fedify advises, but for tests
     * and networks that federate inside one building's network (docs/HOSTING.md, "Partner networks"). */
    FEDERATION_PRIVATE_ADDRESSES: z.enum(['yes', 'no'], 'must be yes or no').default('no'),
    /** Whether members' webhooks may point at private addresses (this machine, its LAN): off, so that a webhook cannot
     * be used to reach what only the server can (docs/HOSTING.md, "The JSON API and webhooks"). */
    WEBHOOK_PRIVATE_ADDRESSES: z.enum(['yes', 'no'], 'must be yes or no').default('no'),
  })
  .superRefine((c, ctx) => {
    if (c.TEXTS_GATEWAY === 'android')
      for (const key of ['TEXTS_ANDROID_URL', 'TEXTS_ANDROID_LOGIN', 'TEXTS_ANDROID_SIGNING_KEY'] as const)
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is needed when TEXTS_GATEWAY is android' });
  });

export type TextsConfig =
  | { kind: 'gammu'; number?: string; spool: string }
  | { kind: 'android'; number?: string; url: string; login: string; password: string; signingKey: string };

export type Config = {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  dataDir: string;
  keyFile: string;
  secretKey?: string;
  /** The public half of the backup key pair: backups are sealed to it. */
  backupKeyFile: string;
  backupDir: string;
  /** The text-message gateway, when the host set one up. */
  texts?: TextsConfig;
  /** Partner networks may be on private addresses (FEDERATION_PRIVATE_ADDRESSES). */
  federationPrivateAddresses: boolean;
  /** Members' webhooks may reach private addresses (WEBHOOK_PRIVATE_ADDRESSES). */
  webhookPrivateAddresses: boolean;
};

export class ConfigError extends Error {}

/** Reads and checks the environment; throws ConfigError naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Kropotkin cannot start: some settings are wrong.\n${lines.join('\n')}\nSee .env.example.`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    databaseUrl: c.DATABASE_URL,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    dataDir: path.resolve(c.KROPOTKIN_DATA_DIR),
    keyFile: path.resolve(c.KROPOTKIN_KEY_FILE),
    secretKey: c.KROPOTKIN_SECRET_KEY,
    backupKeyFile: path.resolve(c.KROPOTKIN_BACKUP_KEY_FILE),
    backupDir: path.resolve(c.KROPOTKIN_BACKUP_DIR),
    texts: textsConfig(c),
    federationPrivateAddresses: c.FEDERATION_PRIVATE_ADDRESSES === 'yes',
    webhookPrivateAddresses: c.WEBHOOK_PRIVATE_ADDRESSES === 'yes',
  };
}

function textsConfig(c: z.infer<typeof configSchema>): TextsConfig | undefined {
  if (c.TEXTS_GATEWAY === 'gammu')
    return { kind: 'gammu', number: c.TEXTS_NUMBER, spool: path.resolve(c.TEXTS_GAMMU_SPOOL) };
  if (c.TEXTS_GATEWAY === 'android') {
    const login = c.TEXTS_ANDROID_LOGIN!;
    const colon = login.indexOf(':');
    return {
      kind: 'android',
      number: c.TEXTS_NUMBER,
      url: c.TEXTS_ANDROID_URL!,
      login: login.slice(0, colon),
      password: login.slice(colon + 1),
      signingKey: c.TEXTS_ANDROID_SIGNING_KEY!,
    };
  }
  return undefined;
}
