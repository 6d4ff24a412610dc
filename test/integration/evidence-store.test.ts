/**
 * Evidence files end to end, with the real Telegraf and Bolt against the fake platforms: an
 * employee logs progress with a file → the download job copies it into the attachment store
 * (checksum, size, type) → the signed link served by the bot's HTTP server returns the bytes.
 * An expired or altered link is refused; a file over the platform's (or the bot's own) limit,
 * and one the platform will not give, keep their reference and say why – and HR's export in chat
 * links the stored file (the link opens it) and says why the others have no copy.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEvidenceUrl } from '../../src/attachments/signed-url.js';
import { TELEGRAM_GETFILE_LIMIT_BYTES } from '../../src/attachments/telegram-files.js';
import { useTestDatabase, type TestDatabase } from '../support/database.js';
import { startTelegramBot, type ChatDriver, type TelegramBot } from '../support/drivers.js';
import { telegramErrors } from '../support/fake-telegram.js';
import { evidenceLinksIn, xlsxCells } from '../support/xlsx.js';
import { startSlackBot, TEAM, type SlackBot } from '../support/slack-driver.js';

const NOW = new Date('2026-11-27T03:00:00Z');
const EMPLOYEE = 'Sri Wahyuni'; // the demo's section head: her SKP is established
const telegramDb = await useTestDatabase();
const slackDb = await useTestDatabase();
let telegram: TelegramBot;
let slack: SlackBot;

beforeAll(async () => {
  telegram = await startTelegramBot(telegramDb, { now: () => NOW });
  // The bot's own limit at 50 KB, to see it apply on Slack (which has no download limit of its own).
  slack = await startSlackBot(slackDb, { now: () => NOW, env: { EVIDENCE_MAX_MB: '0.05' } });
});
afterAll(async () => {
  await telegram?.stop();
  await slack?.stop();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A PDF-looking file of `size` bytes with content that differs per call. */
const pdfOf = (size: number, seed: string) => Buffer.concat([Buffer.from(`%PDF-1.7 ${seed}\n`), Buffer.alloc(size, seed)]).subarray(0, size);

/** Runs /realisasi up to the evidence question. */
async function logProgressUpTo(driver: ChatDriver, text: string): Promise<void> {
  await driver.as(EMPLOYEE);
  expect(await driver.say('/realisasi')).toMatch(/Realisasi untuk RHK yang mana\?/);
  await driver.say('1');
  expect(await driver.say(text)).toMatch(/bukti dukung/i);
}

/** The newest evidence row once its download has finished (polls the database; the job runs on its own). */
async function settledEvidence(db: TestDatabase, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.prisma.evidence.findFirst({ orderBy: { createdAt: 'desc' } });
    if (row && row.storageStatus !== 'PENDING') return row;
    if (Date.now() > deadline) throw new Error(`evidence still ${row?.storageStatus ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('evidence files from Telegram', () => {
  const bytes = pdfOf(180_000, 'a');

  it('copies the file into the store and serves it through a signed link', async () => {
    await logProgressUpTo(telegram.driver, 'Uji beban modul perizinan selesai.');
    const update = telegram.fake.sendDocument(telegram.users.get(EMPLOYEE)!, { fileName: 'hasil uji beban – perizinan.pdf', mimeType: 'application/pdf', content: bytes });
    await telegram.settle(update.update_id);

    const row = await settledEvidence(telegramDb);
    expect(row).toMatchObject({ storageStatus: 'STORED', sha256: sha256(bytes), storedSize: bytes.length, storedContentType: 'application/pdf', platform: 'TELEGRAM', externalFileId: update.message.document.file_id });
    const object = await telegram.app.attachments.store.head(row.storageKey!);
    expect(object?.size).toBe(bytes.length);

    const { url, note } = telegram.app.attachments.describe(row, 'id', NOW);
    expect(note).toBeNull();
    expect(url).toMatch(new RegExp(`^${telegram.app.http.url}/lampiran/${row.id}\\?exp=\\d+&sig=`));
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="hasil uji beban _ perizinan.pdf"; filename*=UTF-8''${encodeURIComponent('hasil uji beban – perizinan.pdf')}`);
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('refuses an expired or altered link, and a link to an item that is not stored', async () => {
    const row = await telegramDb.prisma.evidence.findFirstOrThrow({ where: { storageStatus: 'STORED' } });
    const { signer } = telegram.app.attachments;
    const expired = await fetch(signEvidenceUrl(signer, row.id, new Date(NOW.getTime() - 1000)));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/sudah kedaluwarsa[\s\S]*has expired/);

    const valid = new URL(signEvidenceUrl(signer, row.id, new Date(NOW.getTime() + 60_000)));
    valid.searchParams.set('exp', String(Number(valid.searchParams.get('exp')) + 3_600));
    const altered = await fetch(valid);
    expect(altered.status).toBe(403);
    expect(await altered.text()).toMatch(/tidak sah/);

    expect((await fetch(signEvidenceUrl(signer, '019ad000-0000-7000-8000-00000000dead', new Date(NOW.getTime() + 60_000)))).status).toBe(404);
  });

  it('keeps a file over Telegram’s 20 MB download limit as a reference, with a note, without asking for it', async () => {
    await logProgressUpTo(telegram.driver, 'Rekaman video uji lapangan.');
    const since = telegram.fake.calls.length;
    const update = telegram.fake.sendDocument(telegram.users.get(EMPLOYEE)!, { fileName: 'rekaman-uji.mp4', mimeType: 'video/mp4', size: 25 * 1024 * 1024 });
    await telegram.settle(update.update_id);

    const row = await settledEvidence(telegramDb);
    expect(row).toMatchObject({ storageStatus: 'TOO_LARGE', storageLimitBytes: TELEGRAM_GETFILE_LIMIT_BYTES, storageKey: null, externalFileId: update.message.document.file_id });
    expect(telegram.fake.calls.slice(since).some((call) => call.method === 'getFile')).toBe(false);
    expect(telegram.app.attachments.describe(row, 'id', NOW)).toEqual({ url: null, note: 'Berkas (25 MB) melebihi batas unduh 20 MB; disimpan sebagai rujukan di Telegram, tanpa salinan.' });
  });

  it('marks a file Telegram refuses to give as REFUSED, with Telegram’s reason, and keeps its file id', async () => {
    await logProgressUpTo(telegram.driver, 'Notulen rapat koordinasi.');
    telegram.fake.failNext('getFile', telegramErrors.wrongFileId);
    const update = telegram.fake.sendDocument(telegram.users.get(EMPLOYEE)!, { fileName: 'notulen.pdf', mimeType: 'application/pdf', content: pdfOf(2_000, 'n') });
    await telegram.settle(update.update_id);

    const row = await settledEvidence(telegramDb);
    expect(row).toMatchObject({ storageStatus: 'REFUSED', storageDetail: 'getFile: 400 Bad Request: wrong file_id or the file is temporarily unavailable', externalFileId: update.message.document.file_id, fileName: 'notulen.pdf' });
    expect(telegram.app.attachments.describe(row, 'id', NOW).note).toBe('Telegram tidak memberikan berkas ini (dihapus atau tanpa akses); hanya rujukannya yang tersimpan.');
  });

  it('links each file from HR’s export in chat: the stored one through a signed link that opens it, the others with why there is no copy', async () => {
    const hr = await telegramDb.prisma.employee.findFirstOrThrow({ where: { name: 'Dewi Anggraini' } });
    await telegramDb.prisma.hrRole.create({ data: { employeeId: hr.id, agencyId: hr.agencyId } });
    await telegram.driver.as('Dewi Anggraini');
    expect(await telegram.driver.say('/ekspor')).toMatch(/Ekspor data unit mana\?/);
    await telegram.driver.press('3'); // Seksi Pengembangan Aplikasi, third by name
    expect(await telegram.driver.press('Triwulan IV 2026')).toMatch(/Apa yang diekspor untuk Seksi Pengembangan Aplikasi, Triwulan IV 2026\?/);
    await telegram.driver.press('1');
    const chat = telegram.users.get('Dewi Anggraini')!.id;
    const document = telegram.fake.messagesTo(chat).find((message) => message.method === 'sendDocument');
    const lines = evidenceLinksIn(await xlsxCells(document!.upload!.content));
    const link = lines.find((line) => line.includes('/lampiran/'));
    expect(link).toMatch(new RegExp(`^${telegram.app.http.url}/lampiran/[^?]+\\?exp=\\d+&sig=`));
    const opened = await fetch(link!);
    expect(opened.status).toBe(200);
    expect(sha256(Buffer.from(await opened.arrayBuffer()))).toBe(sha256(bytes));
    expect(lines).toContain('berkas rekaman-uji.mp4 (Telegram): Berkas (25 MB) melebihi batas unduh 20 MB; disimpan sebagai rujukan di Telegram, tanpa salinan.');
    expect(lines).toContain('berkas notulen.pdf (Telegram): Telegram tidak memberikan berkas ini (dihapus atau tanpa akses); hanya rujukannya yang tersimpan.');
  });
});

describe('evidence whose download job was lost', () => {
  it('is found by the maintenance round and downloaded', async () => {
    const bytes = pdfOf(5_000, 'm');
    // As if logged while Redis was down: a PENDING row five minutes old, and no job for it.
    const document = telegram.fake.sendDocument({ id: 990_001, firstName: 'Tamu' }, { fileName: 'susulan.pdf', mimeType: 'application/pdf', content: bytes }).message.document;
    const entry = await telegramDb.prisma.progressEntry.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    const row = await telegramDb.prisma.evidence.create({
      data: { progressEntryId: entry.id, kind: 'FILE', platform: 'TELEGRAM', externalFileId: document.file_id, fileName: 'susulan.pdf', mimeType: 'application/pdf', sizeBytes: bytes.length, storageStatus: 'PENDING', createdAt: new Date(Date.now() - 5 * 60_000) },
    });
    await telegram.app.conversations.maintenance.runOnce();
    const deadline = Date.now() + 15_000;
    let status = row.storageStatus;
    while (status === 'PENDING' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = (await telegramDb.prisma.evidence.findUniqueOrThrow({ where: { id: row.id } })).storageStatus;
    }
    expect(await telegramDb.prisma.evidence.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ storageStatus: 'STORED', sha256: sha256(bytes) });
  });
});

describe('evidence files from Slack', () => {
  let events = 0;
  async function shareFile(file: { id: string; name: string; mimetype: string; size: number }): Promise<void> {
    const user = slack.users.get(EMPLOYEE)!;
    const eventId = `EvEVIDENCE${++events}`;
    const response = await slack.signer.event(slack.url, { type: 'message', subtype: 'file_share', channel: `D${user}`, channel_type: 'im', user, text: '', files: [file], ts: `${Date.now() / 1000}`, event_ts: `${Date.now() / 1000}` }, { teamId: TEAM, eventId });
    expect(response.status).toBe(200);
    await slack.settle(`event:${eventId}`);
  }

  it('downloads url_private_download with the bot token and serves the copy through a signed link', async () => {
    const bytes = pdfOf(30_000, 's');
    await logProgressUpTo(slack.driver, 'Dokumen desain layanan selesai.');
    const file = slack.fake.shareFile({ name: 'desain-layanan.pdf', mimetype: 'application/pdf', bytes });
    await shareFile(file);

    const row = await settledEvidence(slackDb);
    expect(row).toMatchObject({ storageStatus: 'STORED', sha256: sha256(bytes), storedSize: bytes.length, platform: 'SLACK', externalFileId: file.id });
    const download = slack.fake.calls.find((call) => call.method === 'GET url_private_download');
    expect(download?.params).toEqual({ file: file.id });
    const response = await fetch(slack.app.attachments.describe(row, 'en', NOW).url!);
    expect(response.status).toBe(200);
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('keeps a file over the bot’s own limit as its Slack permalink, with a note', async () => {
    await logProgressUpTo(slack.driver, 'Foto kegiatan sosialisasi.');
    const file = slack.fake.shareFile({ name: 'foto-sosialisasi.png', mimetype: 'image/png', bytes: Buffer.alloc(60_000, 1) });
    await shareFile(file);

    const row = await settledEvidence(slackDb);
    expect(row).toMatchObject({ storageStatus: 'TOO_LARGE', storageLimitBytes: Math.round(0.05 * 1024 * 1024), externalFileId: file.id });
    expect(slack.app.attachments.describe(row, 'id', NOW)).toEqual({
      url: `https://pemprov-uji.slack.com/files/UBOT/${file.id}/foto-sosialisasi.png`,
      note: 'Berkas (59 KB) melebihi batas unduh 51 KB; disimpan sebagai rujukan di Slack, tanpa salinan.',
    });
  });

  it('marks a file deleted on Slack before the download as REFUSED', async () => {
    await logProgressUpTo(slack.driver, 'Daftar hadir rapat.');
    const file = slack.fake.shareFile({ name: 'daftar-hadir.pdf', mimetype: 'application/pdf', bytes: pdfOf(1_000, 'd') });
    slack.fake.deleteFile(file.id);
    await shareFile(file);

    const row = await settledEvidence(slackDb);
    expect(row).toMatchObject({ storageStatus: 'REFUSED', storageDetail: 'files.info: file_deleted', externalFileId: file.id });
  });
});
