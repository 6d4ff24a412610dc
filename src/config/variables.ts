/**
 * Every environment variable the bot reads, in one table: its schema, what a valid value
 * looks like, and an example. The README's configuration table mirrors this list (a test
 * checks that), and `.env.example` is written from the same facts.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../domain/time-zones.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

function urlWithProtocols(protocols: string[]) {
  return z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    });
}

function optionalUrl(protocols: string[]) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    urlWithProtocols(protocols).optional(),
  );
}

/** Description of one environment variable. */
export interface VariableSpec {
  schema: z.ZodType;
  /** What a valid value looks like, for error messages. */
  expected: string;
  /** Shown in .env.example and the README. */
  example: string;
  /** Default as documented (undefined = unset means "off" or "use the embedded default"). */
  defaultValue?: string;
  /** Secrets are never echoed back in error messages. */
  secret?: boolean;
  description: string;
}

export const VARIABLES = {
  NODE_ENV: {
    schema: z.enum(['development', 'production', 'test']).default('development'),
    expected: 'one of development, production, test',
    example: 'production',
    defaultValue: 'development',
    description: 'Runtime mode; production logs JSON instead of pretty lines.',
  },
  LOG_LEVEL: {
    schema: z.enum(LOG_LEVELS).default('info'),
    expected: `one of ${LOG_LEVELS.join(', ')}`,
    example: 'debug',
    defaultValue: 'info',
    description: 'How much the bot logs.',
  },
  DATA_DIR: {
    schema: z.string().trim().min(1).default('./.data'),
    expected: 'a directory path',
    example: '/var/lib/dialog-kinerja',
    defaultValue: './.data',
    description: 'Where the embedded database (PGlite) and a self-started Redis keep their files.',
  },
  DATABASE_URL: {
    schema: optionalUrl(['postgres:', 'postgresql:']),
    expected: 'a PostgreSQL URL such as postgresql://user:password@host:5432/database',
    example: 'postgresql://dialog:secret@db:5432/dialog_kinerja',
    secret: true,
    description: 'PostgreSQL for production. Unset: an embedded PostgreSQL (PGlite) under DATA_DIR.',
  },
  DATABASE_POOL_SIZE: {
    schema: z.coerce.number().int().min(2).max(200).default(10),
    expected: 'a whole number of connections from 2 to 200',
    example: '20',
    defaultValue: '10',
    description: 'Connections each instance keeps open to PostgreSQL (events read in parallel on them; each commit holds one briefly).',
  },
  REDIS_URL: {
    schema: optionalUrl(['redis:', 'rediss:']),
    expected: 'a Redis URL such as redis://host:6379',
    example: 'redis://redis:6379',
    secret: true,
    description:
      'Redis for the job queues. Unset: 127.0.0.1:6379 if it answers, otherwise a redis-server started by the bot.',
  },
  QUEUE_PREFIX: {
    schema: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/).default('dk'),
    expected: '1–40 letters, digits, _ or -',
    example: 'kinerja-prod',
    defaultValue: 'dk',
    description: 'Prefix of the bot’s Redis keys, so two deployments can share one Redis.',
  },
  DELIVERY_LEASE_SECONDS: {
    schema: z.coerce.number().int().min(1).max(3600).default(60),
    expected: 'a whole number of seconds from 1 to 3600',
    example: '60',
    defaultValue: '60',
    description: 'How long a message being sent is left to its sender before another instance may retry it (after a crash).',
  },
  MAINTENANCE_INTERVAL_SECONDS: {
    schema: z.coerce.number().int().min(1).max(3600).default(30),
    expected: 'a whole number of seconds from 1 to 3600',
    example: '30',
    defaultValue: '30',
    description: 'Time between two rounds of background upkeep (outbox sweep, catch-ups, idle conversations), run by one instance. A message queued by an instance that crashed is re-queued within about this long.',
  },
  HTTP_HOST: {
    schema: z.string().trim().min(1).default('127.0.0.1'),
    expected: 'a host name or IP address to listen on',
    example: '0.0.0.0',
    defaultValue: '127.0.0.1',
    description: 'Address of the HTTP server (health checks, later webhooks). Use 0.0.0.0 in containers.',
  },
  HTTP_PORT: {
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
    expected: 'a port number from 0 to 65535',
    example: '8080',
    defaultValue: '3000',
    description: 'Port of the HTTP server; 0 picks a free port.',
  },
  DEFAULT_TIME_ZONE: {
    schema: z.string().trim().refine(isValidTimeZone).default('Asia/Jakarta'),
    expected: 'an IANA time zone such as Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)',
    example: 'Asia/Makassar',
    defaultValue: 'Asia/Jakarta',
    description: 'Time zone for new agencies and for employees whose import row leaves it empty.',
  },
  DEFAULT_LOCALE: {
    schema: z.enum(['id', 'en']).default('id'),
    expected: 'id or en',
    example: 'en',
    defaultValue: 'id',
    description: 'Language of the CLI and of people who have not chosen one.',
  },
  LINK_CODE_TTL_DAYS: {
    schema: z.coerce.number().int().min(1).max(90).default(14),
    expected: 'a whole number of days from 1 to 90',
    example: '7',
    defaultValue: '14',
    description: 'How long an HR-issued link code stays valid.',
  },
  CONVERSATION_IDLE_HOURS: {
    schema: z.coerce.number().min(0.1).max(720).default(24),
    expected: 'a number of hours from 0.1 to 720',
    example: '8',
    defaultValue: '24',
    description: 'How long an unfinished conversation waits for an answer before it ends (with a message saying so).',
  },
  DEMO_ORGANISATION: {
    schema: z.enum(['auto', 'on', 'off']).default('auto'),
    expected: 'auto, on or off',
    example: 'off',
    defaultValue: 'auto',
    description:
      'Load the demo organisation into an empty database for the console. auto: only with the embedded database, never into a PostgreSQL you configured.',
  },
  TELEGRAM_BOT_TOKEN: {
    schema: optionalString.pipe(z.string().regex(/^\d+:[\w-]{20,}$/).optional()),
    expected: 'a token from @BotFather such as 123456789:AA…',
    example: '123456789:AAExampleExampleExampleExample',
    secret: true,
    description: 'Enables the Telegram channel (token from @BotFather). With no platform configured, the bot runs in the terminal.',
  },
  TELEGRAM_WEBHOOK_URL: {
    schema: optionalUrl(['https:']),
    expected: 'the public https:// address Telegram should post updates to, ending in /telegram/webhook',
    example: 'https://kinerja.example.go.id/telegram/webhook',
    description: 'Receive Telegram updates by webhook (on the HTTP server) instead of long polling.',
  },
  TELEGRAM_WEBHOOK_SECRET: {
    schema: optionalString.pipe(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/).optional()),
    expected: '16–256 letters, digits, _ or -',
    example: 'a-long-random-secret-1234567890',
    secret: true,
    description: "Checked against Telegram's X-Telegram-Bot-Api-Secret-Token header. Unset: derived from the bot token.",
  },
  TELEGRAM_API_ROOT: {
    schema: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), urlWithProtocols(['http:', 'https:']).default('https://api.telegram.org')),
    expected: 'an http(s) URL of the Bot API server',
    example: 'http://127.0.0.1:8081',
    defaultValue: 'https://api.telegram.org',
    description: 'Where the Telegram Bot API lives (a local Bot API server, or the fake one in tests).',
  },
  TELEGRAM_MAX_PER_SECOND: {
    schema: z.coerce.number().int().min(1).max(10_000).default(30),
    expected: 'a whole number of messages per second, 1 to 10000',
    example: '30',
    defaultValue: '30',
    description: 'Most messages sent to Telegram per second, over all chats and all bot instances (Telegram allows about 30).',
  },
  TELEGRAM_CHAT_INTERVAL_MS: {
    schema: z.coerce.number().int().min(0).max(60_000).default(1000),
    expected: 'milliseconds from 0 to 60000',
    example: '1000',
    defaultValue: '1000',
    description: 'Least time between two messages to one Telegram chat (Telegram asks for about one per second).',
  },
  SLACK_BOT_TOKEN: {
    schema: optionalString.pipe(z.string().startsWith('xoxb-').optional()),
    expected: 'a bot token starting with xoxb-',
    example: 'xoxb-0000-0000-example',
    secret: true,
    description: 'Slack bot token (with SLACK_SIGNING_SECRET); turns the Slack channel on.',
  },
  SLACK_SIGNING_SECRET: {
    schema: optionalString,
    expected: "the app's signing secret from Slack's Basic Information page",
    example: '0123456789abcdef0123456789abcdef',
    secret: true,
    description: "Slack app's signing secret, to verify requests from Slack.",
  },
  SLACK_APP_TOKEN: {
    schema: optionalString.pipe(z.string().startsWith('xapp-').optional()),
    expected: 'an app-level token starting with xapp-',
    example: 'xapp-1-example',
    secret: true,
    description: 'Slack app-level token: Socket Mode (no public URL needed). Unset: Slack posts to /slack/events on the HTTP port.',
  },
  SLACK_API_URL: {
    schema: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), urlWithProtocols(['http:', 'https:']).default('https://slack.com/api/')),
    expected: 'an http(s) URL of the Slack Web API, ending in /',
    example: 'http://127.0.0.1:8082/api/',
    defaultValue: 'https://slack.com/api/',
    description: 'Where the Slack Web API lives (the fake one in tests).',
  },
  PUBLIC_BASE_URL: {
    schema: optionalUrl(['http:', 'https:']),
    expected: 'the http(s) address people reach the HTTP server at, such as https://kinerja.example.go.id',
    example: 'https://kinerja.example.go.id',
    description: 'Address of the bot’s HTTP server as others reach it, for signed evidence links in exports and documents. Unset: the local HTTP address.',
  },
  EVIDENCE_MAX_MB: {
    schema: z.coerce.number().min(0.001).max(5000).default(50),
    expected: 'a number of megabytes from 0.001 to 5000',
    example: '100',
    defaultValue: '50',
    description: 'Largest evidence file the bot copies into its attachment store; bigger files stay a reference on the platform, with a note.',
  },
  EVIDENCE_LINK_SECRET: {
    schema: optionalString.pipe(z.string().min(32).optional()),
    expected: 'at least 32 characters',
    example: 'a-long-random-secret-of-at-least-32-characters',
    secret: true,
    description: 'Key that signs evidence links (HMAC-SHA256); the same on every instance. Unset: a random key made once and kept under DATA_DIR.',
  },
  EVIDENCE_LINK_DAYS: {
    schema: z.coerce.number().int().min(1).max(3650).default(30),
    expected: 'a whole number of days from 1 to 3650',
    example: '90',
    defaultValue: '30',
    description: 'How long a signed evidence link in an export or document stays valid.',
  },
  S3_BUCKET: {
    schema: optionalString,
    expected: 'an S3 bucket name',
    example: 'dialog-kinerja-bukti',
    description: 'Keep evidence files in this S3-compatible bucket (AWS S3, MinIO, …) instead of DATA_DIR/attachments.',
  },
  S3_ENDPOINT: {
    schema: optionalUrl(['http:', 'https:']),
    expected: 'an http(s) URL of the S3 service',
    example: 'http://minio:9000',
    description: 'The S3 service for S3_BUCKET (MinIO and other S3-compatible stores). Unset: AWS S3.',
  },
  S3_REGION: {
    schema: z.string().trim().min(1).default('us-east-1'),
    expected: 'a region name',
    example: 'ap-southeast-3',
    defaultValue: 'us-east-1',
    description: 'Region of S3_BUCKET (MinIO accepts us-east-1).',
  },
  S3_ACCESS_KEY_ID: {
    schema: optionalString,
    expected: 'an access key id',
    example: 'minioadmin',
    secret: true,
    description: 'Access key for S3_BUCKET (with S3_SECRET_ACCESS_KEY). Unset: the AWS SDK’s usual sources (AWS_* variables, an instance role).',
  },
  S3_SECRET_ACCESS_KEY: {
    schema: optionalString,
    expected: 'a secret access key',
    example: 'minioadmin-secret',
    secret: true,
    description: 'Secret key for S3_BUCKET (with S3_ACCESS_KEY_ID).',
  },
  S3_FORCE_PATH_STYLE: {
    schema: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    expected: 'true or false',
    example: 'true',
    defaultValue: 'false',
    description: 'Address the bucket as <endpoint>/<bucket> instead of <bucket>.<endpoint>: true for MinIO.',
  },
} satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof VARIABLES;
