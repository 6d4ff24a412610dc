import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { loadConfig, parseConfig } from '../../../src/config/load.js';
import { VARIABLES } from '../../../src/config/variables.js';

describe('configuration', () => {
  it('needs nothing at all: every variable has a working default', () => {
    const config = parseConfig({}, '/srv/bot');
    expect(config).toEqual({
      nodeEnv: 'development',
      logLevel: 'info',
      dataDir: '/srv/bot/.data',
      databaseUrl: undefined,
      databasePoolSize: 10,
      redisUrl: undefined,
      queuePrefix: 'dk',
      deliveryLeaseSeconds: 60,
      maintenanceIntervalSeconds: 30,
      http: { host: '127.0.0.1', port: 3000 },
      defaultTimeZone: 'Asia/Jakarta',
      defaultLocale: 'id',
      linkCodeTtlDays: 14,
      conversationIdleHours: 24,
      telegramLimits: { maxPerSecond: 30, chatIntervalMs: 1000 },
      demoOrganisation: 'auto',
      telegram: undefined,
      slack: undefined,
      evidence: { maxBytes: 50 * 1024 * 1024, publicBaseUrl: undefined, linkSecret: undefined, linkDays: 30, s3: undefined },
    });
  });

  it('reads the S3 store of evidence files, and wants both keys or neither', () => {
    const config = parseConfig({ S3_BUCKET: 'bukti', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'minio', S3_SECRET_ACCESS_KEY: 'minio-secret', S3_FORCE_PATH_STYLE: 'true', PUBLIC_BASE_URL: 'https://kinerja.example.go.id/' });
    expect(config.evidence.s3).toEqual({ bucket: 'bukti', endpoint: 'http://minio:9000', region: 'us-east-1', credentials: { accessKeyId: 'minio', secretAccessKey: 'minio-secret' }, forcePathStyle: true });
    expect(config.evidence.publicBaseUrl).toBe('https://kinerja.example.go.id');
    expect(() => parseConfig({ S3_BUCKET: 'bukti', S3_ACCESS_KEY_ID: 'minio' })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither/);
    expect(() => parseConfig({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_BUCKET: required/);
    expect(() => parseConfig({ EVIDENCE_LINK_SECRET: 'short' })).toThrow(/EVIDENCE_LINK_SECRET: expected at least 32 characters, got a value of 5 characters/);
  });

  it('reads valid values', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgresql://u:p@db:5432/dk',
      REDIS_URL: 'redis://redis:6379',
      HTTP_PORT: '8080',
      DEFAULT_TIME_ZONE: 'Asia/Makassar',
      DEFAULT_LOCALE: 'en',
      TELEGRAM_BOT_TOKEN: '123456:AAAAAAAAAAAAAAAAAAAAAAAAAA',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_APP_TOKEN: 'xapp-1',
    });
    expect(config.http.port).toBe(8080);
    expect(config.defaultTimeZone).toBe('Asia/Makassar');
    expect(config.telegram).toEqual({
      botToken: '123456:AAAAAAAAAAAAAAAAAAAAAAAAAA',
      apiRoot: 'https://api.telegram.org',
      webhookUrl: undefined,
      webhookSecret: undefined,
    });
    expect(config.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 'secret', appToken: 'xapp-1', apiUrl: 'https://slack.com/api/' });
  });

  it('names every bad variable in one message and says what is expected', () => {
    const error = (() => {
      try {
        parseConfig({ HTTP_PORT: 'delapan', DATABASE_URL: 'mysql://x', DEFAULT_TIME_ZONE: 'Asia/Bandung', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect((error as ConfigError).problems).toHaveLength(4);
    expect(message).toMatch(/HTTP_PORT: expected a port number from 0 to 65535, got "delapan"/);
    expect(message).toMatch(/DATABASE_URL: expected a PostgreSQL URL/);
    expect(message).toMatch(/DEFAULT_TIME_ZONE: expected an IANA time zone/);
    expect(message).toMatch(/LOG_LEVEL: expected one of fatal, error/);
  });

  it('never echoes a secret back', () => {
    expect(() => parseConfig({ TELEGRAM_BOT_TOKEN: 'not-a-token-but-secret' })).toThrow(
      'TELEGRAM_BOT_TOKEN: expected a token from @BotFather such as 123456789:AA…, got a value of 22 characters',
    );
    expect(() => parseConfig({ DATABASE_URL: 'http://user:hunter2@db' })).not.toThrow(/hunter2/);
  });

  it('wants Slack tokens in pairs', () => {
    expect(() => parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set/);
    expect(() => parseConfig({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/SLACK_BOT_TOKEN: required/);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', HTTP_PORT: ' ', TELEGRAM_BOT_TOKEN: '' })).toMatchObject({
      databaseUrl: undefined,
      http: { port: 3000 },
      telegram: undefined,
    });
  });

  it('reads .env, with the real environment taking precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dk-env-'));
    writeFileSync(join(dir, '.env'), 'HTTP_PORT=4321\nDEFAULT_LOCALE=en\n');
    const config = loadConfig(dir);
    expect(config.http.port).toBe(4321);
    expect(config.dataDir).toBe(join(dir, '.data'));
  });
});

describe('configuration documentation', () => {
  const names = Object.keys(VARIABLES);

  it('lists every variable in the README configuration table', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const name of names) expect(readme, name).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });

  it('lists every variable in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const name of names) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});
