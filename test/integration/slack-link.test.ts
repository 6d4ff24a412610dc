/**
 * `slack-link`: Slack accounts whose profile e-mail is an imported employee's are linked without
 * the person writing first, so check-ins reach them; shared e-mails, bots and strangers are left
 * alone, and a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createCliContext } from '../../src/cli/context.js';
import { parseConfig } from '../../src/config/load.js';
import { useTestDatabase } from '../support/database.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

const db = await useTestDatabase();
let fake: FakeSlack;

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext(parseConfig({ DATABASE_URL: db.url, ...env }), { out: (line) => out.push(line), err: (line) => err.push(line), interactive: false });
  const code = await runCli(args, context).finally(() => context.close());
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const slackEnv = () => ({ SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: 'rahasia', SLACK_API_URL: fake.apiUrl });

beforeAll(async () => {
  expect((await cli(['import-org', 'examples/organisasi-contoh.csv', '--instansi', 'Pemerintah Provinsi Contoh'])).code).toBe(0);
  fake = await startFakeSlack({ teamId: 'TPROV' });
  const people = await db.prisma.employee.findMany({ where: { email: { not: null } }, orderBy: { nip: 'asc' }, take: 3 });
  people.forEach((person, i) => fake.addUser({ id: `U10${i}`, name: `p${i}`, email: i === 0 ? person.email!.toUpperCase() : person.email! }));
  fake.addUser({ id: 'U900', name: 'tamu', email: 'tamu@luar.example' });
  fake.addUser({ id: 'U901', name: 'tanpa-email' });
});
afterAll(() => fake.close());

describe('slack-link', () => {
  it('says Slack must be configured first', async () => {
    const result = await cli(['slack-link']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Slack belum diatur: isi SLACK_BOT_TOKEN/);
  });

  it('shows what it would do with --dry-run, then links by e-mail (any case) once', async () => {
    const dry = await cli(['slack-link', '--dry-run'], slackEnv());
    expect(dry.out).toMatch(/uji coba, tidak ada yang disimpan\) 3 akun Slack akan terhubung/);
    expect(await db.prisma.chatIdentity.count({ where: { platform: 'SLACK' } })).toBe(0);

    const run = await cli(['slack-link'], slackEnv());
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^3 akun Slack terhubung lewat e-mail; 0 sudah terhubung sebelumnya/);
    const identities = await db.prisma.chatIdentity.findMany({ where: { platform: 'SLACK' }, orderBy: { externalUserId: 'asc' } });
    expect(identities.map((i) => [i.externalUserId, i.workspace, i.dmChannelId])).toEqual([
      ['U100', 'TPROV', null],
      ['U101', 'TPROV', null],
      ['U102', 'TPROV', null],
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: 'identity.linkedByEmail' } })).toBe(1);

    const again = await cli(['slack-link'], slackEnv());
    expect(again.out).toMatch(/^0 akun Slack terhubung lewat e-mail; 3 sudah terhubung sebelumnya/);
    expect(await db.prisma.chatIdentity.count({ where: { platform: 'SLACK' } })).toBe(3);
  });
});
