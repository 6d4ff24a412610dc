/**
 * /ekspor on the platforms: the XLSX reaches Telegram's Bot API as a document (sendDocument) and
 * Slack as a file upload, and opens with the unit's employees in it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase, type TestDatabase } from '../support/database.js';
import { startTelegramBot, type TelegramBot } from '../support/drivers.js';
import { startSlackBot, type SlackBot } from '../support/slack-driver.js';

const NOW = new Date('2026-11-27T03:00:00Z');
const UNIT = 'Seksi Tata Kelola Data';
const telegramDb = await useTestDatabase();
const slackDb = await useTestDatabase();
let telegram: TelegramBot;
let slack: SlackBot;

async function makeHr(db: TestDatabase, name: string) {
  const employee = await db.prisma.employee.findFirstOrThrow({ where: { name } });
  await db.prisma.hrRole.create({ data: { employeeId: employee.id, agencyId: employee.agencyId } });
}

/** The NIPs on the "Pegawai" sheet of an XLSX file, and those of the unit in the database. */
async function nipsOf(db: TestDatabase, bytes: Buffer): Promise<{ sheet: string[]; unit: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet: string[] = [];
  workbook.getWorksheet('Pegawai')!.eachRow((row, n) => {
    if (n > 1) sheet.push(row.getCell(1).value as string);
  });
  const members = await db.prisma.employee.findMany({ where: { unit: { name: UNIT } }, orderBy: { name: 'asc' } });
  return { sheet, unit: members.map((member) => member.nip) };
}

beforeAll(async () => {
  telegram = await startTelegramBot(telegramDb, { now: () => NOW });
  slack = await startSlackBot(slackDb, { now: () => NOW });
  await makeHr(telegramDb, 'Dewi Anggraini');
  await makeHr(slackDb, 'Dewi Anggraini');
});
afterAll(async () => {
  await telegram?.stop();
  await slack?.stop();
});

describe('/ekspor on the platforms', () => {
  it('sends HR the XLSX as a Telegram document', async () => {
    await telegram.driver.as('Dewi Anggraini');
    expect(await telegram.driver.say('/ekspor')).toMatch(/Ekspor data unit mana\?/);
    await telegram.driver.press('4'); // Seksi Tata Kelola Data, fourth by name
    expect(await telegram.driver.press('Triwulan IV 2026')).toMatch(/Apa yang diekspor untuk Seksi Tata Kelola Data, Triwulan IV 2026\?/);
    expect(await telegram.driver.press('1')).toMatch(/Ekspor Triwulan IV 2026 untuk Seksi Tata Kelola Data: 5 pegawai/);

    const chat = telegram.users.get('Dewi Anggraini')!.id;
    const document = telegram.fake.messagesTo(chat).find((message) => message.method === 'sendDocument');
    expect(document?.document).toMatchObject({ file_name: 'ekspor-seksi-tata-kelola-data-2026-Q4.xlsx' });
    const { sheet, unit } = await nipsOf(telegramDb, document!.upload!.content);
    expect(sheet).toEqual(unit);
  });

  it('uploads the XLSX to the HR person’s Slack DM', async () => {
    await slack.driver.as('Dewi Anggraini');
    expect(await slack.driver.say('/ekspor')).toMatch(/Ekspor data unit mana\?/);
    await slack.driver.press('4');
    await slack.driver.press('Triwulan IV 2026');
    expect(await slack.driver.press('1')).toMatch(/Ekspor Triwulan IV 2026 untuk Seksi Tata Kelola Data: 5 pegawai/);

    const upload = slack.fake.uploads.find((file) => file.filename === 'ekspor-seksi-tata-kelola-data-2026-Q4.xlsx');
    expect(upload?.channel).toBe(`D${slack.users.get('Dewi Anggraini')}`);
    const { sheet, unit } = await nipsOf(slackDb, upload!.bytes);
    expect(sheet).toEqual(unit);
  });
});
