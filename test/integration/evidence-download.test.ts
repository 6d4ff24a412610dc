/**
 * The evidence download job's own rules, against real PostgreSQL and the fake Bot API: temporary
 * trouble is retried and marked FAILED only on the last attempt, the scanning hook can block a
 * file, a second run does nothing, and rows whose job was lost are found again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadEvidence, pendingDownloads, type DownloadDependencies } from '../../src/attachments/download.js';
import { fileSystemStore } from '../../src/attachments/fs-store.js';
import { NO_SCANNING } from '../../src/attachments/scan.js';
import type { AttachmentStore } from '../../src/attachments/store.js';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { useTestDatabase } from '../support/database.js';
import { startFakeTelegram, telegramErrors, type FakeTelegram } from '../support/fake-telegram.js';

const db = await useTestDatabase();
const user = { id: 4242, firstName: 'Sri' };
let fake: FakeTelegram;
let dir: string;
let rhkId: string;
let employeeId: string;
let deps: DownloadDependencies;
let puts: string[];

beforeAll(async () => {
  fake = await startFakeTelegram();
  dir = await mkdtemp(join(tmpdir(), 'dk-evidence-'));
  await seedDemoIfEmpty(db.prisma, 2026);
  const plan = await db.prisma.plan.findFirstOrThrow({ where: { resultExpectations: { some: {} } }, include: { resultExpectations: true } });
  [rhkId, employeeId] = [plan.resultExpectations[0]!.id, plan.employeeId];
});
afterAll(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  puts = [];
  const store = fileSystemStore(join(dir, 'attachments'));
  const counted: AttachmentStore = { ...store, put: (key, bytes, meta) => (puts.push(key), store.put(key, bytes, meta)) };
  deps = {
    prisma: db.prisma,
    store: counted,
    scanner: NO_SCANNING,
    maxBytes: 50 * 1024 * 1024,
    telegram: { apiRoot: fake.apiRoot, botToken: fake.token },
    slack: undefined,
    now: () => new Date('2026-11-27T03:00:00Z'),
    logger: pino({ level: 'silent' }),
  };
});

/** A progress entry with one Telegram document as evidence, PENDING; returns the evidence id. */
async function pendingEvidence(content = Buffer.from('%PDF-1.7 bukti')): Promise<string> {
  const document = fake.sendDocument(user, { fileName: 'bukti.pdf', mimeType: 'application/pdf', content }).message.document;
  const entry = await db.prisma.progressEntry.create({
    data: {
      employeeId,
      rhkId,
      text: 'Bukti',
      occurredOn: new Date('2026-11-27T00:00:00Z'),
      evidence: { create: { kind: 'FILE', platform: 'TELEGRAM', externalFileId: document.file_id, fileName: 'bukti.pdf', mimeType: 'application/pdf', sizeBytes: content.length, storageStatus: 'PENDING' } },
    },
    include: { evidence: true },
  });
  return entry.evidence[0]!.id;
}

describe('the evidence download job', () => {
  it('throws on temporary trouble so the job is tried again, and marks FAILED only on the last attempt', async () => {
    const id = await pendingEvidence();
    fake.failNext('getFile', telegramErrors.internal, 2);
    await expect(downloadEvidence(deps, id, false)).rejects.toThrow(/getFile: 500 Internal Server Error/);
    expect((await db.prisma.evidence.findUniqueOrThrow({ where: { id } })).storageStatus).toBe('PENDING');
    expect(await downloadEvidence(deps, id, true)).toBe('FAILED');
    const row = await db.prisma.evidence.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ storageStatus: 'FAILED', storageDetail: 'getFile: 500 Internal Server Error', storageKey: null });
    expect(row.externalFileId).toMatch(/-fake$/);
  });

  it('lets the scanning hook block a file: nothing is stored, the reason is kept', async () => {
    const id = await pendingEvidence(Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'));
    deps.scanner = { name: 'clamav', scan: async (bytes) => (bytes.includes('EICAR') ? { clean: false, reason: 'Eicar-Test-Signature' } : { clean: true }) };
    expect(await downloadEvidence(deps, id, false)).toBe('BLOCKED');
    expect(await db.prisma.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({ storageStatus: 'BLOCKED', storageDetail: 'clamav: Eicar-Test-Signature', storageKey: null });
    expect(puts).toEqual([]);
  });

  it('does nothing the second time: a row no longer PENDING is left alone', async () => {
    const id = await pendingEvidence();
    expect(await downloadEvidence(deps, id, false)).toBe('STORED');
    const since = fake.calls.length;
    expect(await downloadEvidence(deps, id, false)).toBe('NOT_PENDING');
    expect(puts).toEqual([`evidence/${id}`]);
    expect(fake.calls.length).toBe(since);
  });

  it('finds rows still PENDING a minute after they were logged, for the maintenance round to queue again', async () => {
    const id = await pendingEvidence();
    expect(await pendingDownloads(db.prisma, new Date())).not.toContain(id);
    expect(await pendingDownloads(db.prisma, new Date(Date.now() + 61_000))).toContain(id);
  });
});
