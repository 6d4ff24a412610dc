/**
 * Parses the environment once at start-up. This is the only module that reads process.env.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { VARIABLES, type VariableName } from './variables.js';
import { ConfigError } from '../errors.js';

type Parsed = { [K in VariableName]: ReturnType<(typeof VARIABLES)[K]['schema']['parse']> };

/** The bot's configuration, parsed and validated. */
export interface Config {
  nodeEnv: Parsed['NODE_ENV'];
  logLevel: Parsed['LOG_LEVEL'];
  /** Absolute path of the data directory. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Connections per instance to PostgreSQL. */
  databasePoolSize: number;
  redisUrl: string | undefined;
  queuePrefix: string;
  deliveryLeaseSeconds: number;
  maintenanceIntervalSeconds: number;
  http: { host: string; port: number };
  defaultTimeZone: string;
  defaultLocale: Parsed['DEFAULT_LOCALE'];
  linkCodeTtlDays: number;
  conversationIdleHours: number;
  demoOrganisation: Parsed['DEMO_ORGANISATION'];
  telegram: { botToken: string; apiRoot: string; webhookUrl: string | undefined; webhookSecret: string | undefined } | undefined;
  /** Delivery limits for Telegram. */
  telegramLimits: { maxPerSecond: number; chatIntervalMs: number };
  slack: SlackConfig | undefined;
  evidence: EvidenceConfig;
}

/** The attachment store for evidence files and the signed links to them (src/attachments). */
export interface EvidenceConfig {
  /** Largest file copied, in bytes. */
  maxBytes: number;
  /** Where links point; undefined: the HTTP server's own address. */
  publicBaseUrl: string | undefined;
  /** HMAC key for links; undefined: generated once under DATA_DIR. */
  linkSecret: string | undefined;
  linkDays: number;
  /** S3-compatible storage; undefined: files under DATA_DIR/attachments. */
  s3: S3Config | undefined;
}

export interface S3Config {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  /** Both or neither; neither: the AWS SDK's default credential sources. */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
}

/** The Slack app: HTTP events (signed with signingSecret) or, with an app token, Socket Mode. */
export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken: string | undefined;
  /** The Web API base URL, ending in a slash. */
  apiUrl: string;
}

type Env = Record<string, string | undefined>;

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** Parses a set of environment variables; throws ConfigError naming every bad variable. */
export function parseConfig(env: Env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const values: Partial<Record<VariableName, unknown>> = {};
  for (const [name, spec] of Object.entries(VARIABLES) as [VariableName, (typeof VARIABLES)[VariableName]][]) {
    const raw = env[name];
    const result = spec.schema.safeParse(raw === undefined || raw.trim() === '' ? undefined : raw);
    if (result.success) {
      values[name] = result.data;
    } else {
      const shown = 'secret' in spec && spec.secret ? `a value of ${raw?.length ?? 0} characters` : JSON.stringify(raw);
      problems.push(`${name}: expected ${spec.expected}, got ${shown}`);
    }
  }
  const v = values as Parsed;
  if (v.SLACK_BOT_TOKEN && !v.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set');
  }
  if (!v.SLACK_BOT_TOKEN && (v.SLACK_SIGNING_SECRET || v.SLACK_APP_TOKEN)) {
    problems.push('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  }
  if (Boolean(v.S3_ACCESS_KEY_ID) !== Boolean(v.S3_SECRET_ACCESS_KEY)) problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither');
  if (!v.S3_BUCKET && (v.S3_ENDPOINT || v.S3_ACCESS_KEY_ID)) problems.push('S3_BUCKET: required when S3_ENDPOINT or S3_ACCESS_KEY_ID is set');
  if (v.TELEGRAM_WEBHOOK_URL && !v.TELEGRAM_BOT_TOKEN) problems.push('TELEGRAM_BOT_TOKEN: required when TELEGRAM_WEBHOOK_URL is set');
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    nodeEnv: v.NODE_ENV,
    logLevel: v.LOG_LEVEL,
    dataDir: resolve(cwd, v.DATA_DIR),
    databaseUrl: v.DATABASE_URL,
    databasePoolSize: v.DATABASE_POOL_SIZE,
    redisUrl: v.REDIS_URL,
    queuePrefix: v.QUEUE_PREFIX,
    deliveryLeaseSeconds: v.DELIVERY_LEASE_SECONDS,
    maintenanceIntervalSeconds: v.MAINTENANCE_INTERVAL_SECONDS,
    http: { host: v.HTTP_HOST, port: v.HTTP_PORT },
    defaultTimeZone: v.DEFAULT_TIME_ZONE,
    defaultLocale: v.DEFAULT_LOCALE,
    linkCodeTtlDays: v.LINK_CODE_TTL_DAYS,
    conversationIdleHours: v.CONVERSATION_IDLE_HOURS,
    telegramLimits: { maxPerSecond: v.TELEGRAM_MAX_PER_SECOND, chatIntervalMs: v.TELEGRAM_CHAT_INTERVAL_MS },
    demoOrganisation: v.DEMO_ORGANISATION,
    telegram: v.TELEGRAM_BOT_TOKEN
      ? { botToken: v.TELEGRAM_BOT_TOKEN, apiRoot: v.TELEGRAM_API_ROOT, webhookUrl: v.TELEGRAM_WEBHOOK_URL, webhookSecret: v.TELEGRAM_WEBHOOK_SECRET }
      : undefined,
    slack:
      v.SLACK_BOT_TOKEN && v.SLACK_SIGNING_SECRET
        ? { botToken: v.SLACK_BOT_TOKEN, signingSecret: v.SLACK_SIGNING_SECRET, appToken: v.SLACK_APP_TOKEN, apiUrl: withSlash(v.SLACK_API_URL) }
        : undefined,
    evidence: {
      maxBytes: Math.round(v.EVIDENCE_MAX_MB * 1024 * 1024),
      publicBaseUrl: v.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
      linkSecret: v.EVIDENCE_LINK_SECRET,
      linkDays: v.EVIDENCE_LINK_DAYS,
      s3: v.S3_BUCKET
        ? {
            bucket: v.S3_BUCKET,
            endpoint: v.S3_ENDPOINT,
            region: v.S3_REGION,
            credentials: v.S3_ACCESS_KEY_ID && v.S3_SECRET_ACCESS_KEY ? { accessKeyId: v.S3_ACCESS_KEY_ID, secretAccessKey: v.S3_SECRET_ACCESS_KEY } : undefined,
            forcePathStyle: v.S3_FORCE_PATH_STYLE,
          }
        : undefined,
    },
  };
}

/** Reads `.env` (if present) under the process environment, which wins, and parses the result. */
export function loadConfig(cwd = process.cwd()): Config {
  const dotenvPath = resolve(cwd, '.env');
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return parseConfig({ ...fromFile, ...process.env }, cwd);
}
