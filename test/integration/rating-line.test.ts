/**
 * Who rates whom in a real agency (domain/ppk.ts over PostgreSQL): a ketua tim who is fungsional
 * leads the dialogue but is not the PPK; HR records a delegation, the officials outside the bot at
 * the top, and a PPK who has left passes authority up until a Plt is recorded. Set up the way HR
 * does it – the organisation file and the CLI – and seen in /saya.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';
import { parseConfig } from '../../src/config/load.js';
import type { Action } from '../../src/domain/access.js';
import { decide, loadMember, reportsOf } from '../../src/services/people.js';
import { ratingLineFor } from '../../src/services/rating-line.js';
import { startConsoleBot, type ConsoleSession } from '../support/console.js';
import { useTestDatabase } from '../support/database.js';
import { tempFile } from '../support/files.js';

const db = await useTestDatabase();
const NOW = new Date('2026-11-27T03:00:00Z');
const TODAY = '2026-11-27';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext(parseConfig({ DATABASE_URL: db.url }), { out: (line) => out.push(line), err: (line) => err.push(line), interactive: false });
  context.now = () => NOW;
  const code = await runCli(args, context).finally(() => context.close());
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const BUDI = '197203151998031004'; // Kepala Dinas, JPT, top of the tree
const SITI = '197708222003122002'; // Sekretaris Dinas
const AGUS = '198001102005011003'; // Kepala Bidang
const AHMAD = '199002142014021001'; // Fungsional Ahli Muda: ketua tim over Fajar in this file
const FAJAR = '199304092019031005';
const HENDRA = '198506302009031002'; // Kepala Subbagian (pengawas)
const YULIA = '199203112015022004'; // Hendra's staff
const RINA = '198711052010012003';

const person = async (nip: string) => (await loadMember(db.prisma, (await db.prisma.employee.findUniqueOrThrow({ where: { nip } })).id))!;
const may = async (actorNip: string, action: Action, targetNip: string) => (await decide(db.prisma, await person(actorNip), action, (await person(targetNip)).id, NOW)).allowed;
const line = async (nip: string) => ratingLineFor(db.prisma, (await person(nip)).id, TODAY);

let bot: ConsoleSession;
beforeAll(async () => {
  // The example organisation, with Fajar now in Ahmad's team (a ketua tim after penyetaraan) and
  // without the Gubernur the example names for the Kepala Dinas: here HR records them by hand.
  const csv = readFileSync('examples/organisasi-contoh.csv', 'utf8').split('\n')
    .map((row) => (row.startsWith(FAJAR) ? row.replace(`,${AGUS},`, `,${AHMAD},`) : row))
    .map((row) => (row.startsWith(BUDI) ? row.replace(/(,[^,]*){4}$/, ',,,,') : row)).join('\n');
  expect((await cli('import-org', tempFile('organisasi.csv', csv), '--instansi', 'Pemerintah Provinsi Contoh')).code).toBe(0);
  bot = await startConsoleBot(db.url, { now: () => NOW, env: { DEMO_ORGANISATION: 'off' } });
});
afterAll(() => bot?.stop());

describe('the PPK is at least a pejabat pengawas (PermenPANRB 6/2022 Pasal 1 angka 9)', () => {
  it('lets the ketua tim who is fungsional lead the dialogue, and the Kepala Bidang above rate', async () => {
    expect(await may(AHMAD, 'GIVE_FEEDBACK', FAJAR)).toBe(true);
    expect(await may(AHMAD, 'EVALUATE', FAJAR)).toBe(false);
    expect(await may(AHMAD, 'SET_EXPECTATIONS', FAJAR)).toBe(false);
    expect(await may(AGUS, 'EVALUATE', FAJAR)).toBe(true);
    expect(await may(AGUS, 'SET_EXPECTATIONS', FAJAR)).toBe(true);
    const agus = await reportsOf(db.prisma, await person(AGUS), NOW);
    expect(agus.find((r) => r.nip === FAJAR)).toMatchObject({ rater: true, acting: false });
    const ahmad = await reportsOf(db.prisma, await person(AHMAD), NOW);
    expect(ahmad.map((r) => [r.nip, r.rater])).toEqual([[FAJAR, false]]);
  });

  it('shows the direct superior and the PPK apart in /saya', async () => {
    const saya = await bot.type('/as Fajar');
    expect(saya).toBeTruthy();
    const text = await bot.type('/saya');
    expect(text).toMatch(/Atasan langsung: Ahmad Fauzi S\.Kom\. \(Pranata Komputer Ahli Muda\)/);
    expect(text).toMatch(/Pejabat Penilai Kinerja: Agus Setiawan S\.Kom\. \(Kepala Bidang Aplikasi Informatika\)/);
    expect(text).toMatch(/Atasan Pejabat Penilai Kinerja: Ir\. Budi Santoso M\.T\. \(Kepala Dinas Komunikasi dan Informatika\)/);
  });

  it('follows a delegation HR records, and refuses one that would make two people rate each other', async () => {
    expect(await cli('official', 'delegate', '--nip', FAJAR, '--to', AHMAD)).toMatchObject({ code: 0, out: expect.stringMatching(/didelegasikan kepada Ahmad Fauzi/) });
    expect(await may(AHMAD, 'EVALUATE', FAJAR)).toBe(true);
    expect(await may(AGUS, 'EVALUATE', FAJAR)).toBe(false);
    expect((await reportsOf(db.prisma, await person(AGUS), NOW)).some((r) => r.nip === FAJAR)).toBe(false);
    expect((await cli('official', 'list')).out).toMatch(/Fajar Nugroho A\.Md\. \(NIP 199304092019031005\): Pejabat Penilai Kinerja \(pendelegasian\) – Ahmad Fauzi/);

    expect(await cli('official', 'delegate', '--nip', AGUS, '--to', AHMAD)).toMatchObject({ code: 1, err: expect.stringMatching(/saling menilai/) });
    expect(await cli('official', 'delegate', '--nip', AGUS, '--to', AGUS)).toMatchObject({ code: 1, err: expect.stringMatching(/bagi dirinya sendiri/) });
    // Fajar's PPK authority is delegated to Ahmad: Ahmad's to Fajar would make them rate each other.
    expect(await cli('official', 'delegate', '--nip', AHMAD, '--to', FAJAR)).toMatchObject({ code: 1, err: expect.stringMatching(/sudah didelegasikan kepada Ahmad Fauzi S\.Kom\.; keduanya akan saling menilai/) });
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { nip: AGUS } })).ppkDelegateId).toBeNull();

    expect(await cli('official', 'remove', '--nip', FAJAR, '--role', 'delegasi')).toMatchObject({ code: 0 });
    expect(await may(AGUS, 'EVALUATE', FAJAR)).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: { in: ['official.delegated', 'official.removed'] }, actorLabel: 'cli' } })).toBe(2);
  });
});

describe('the top of the tree', () => {
  it('has nobody to rate the head until HR records the officials outside the bot', async () => {
    expect(await line(BUDI)).toEqual({ ppk: null, atasanPpk: null });
    expect(await cli('official', 'set', '--nip', BUDI, '--role', 'keduanya', '--name', 'Dr. H. Ahmad Luthfi, S.H., S.St.M.K.', '--title', 'Gubernur Contoh')).toMatchObject({
      code: 0,
      out: 'Dr. H. Ahmad Luthfi, S.H., S.St.M.K., Gubernur Contoh dicatat sebagai Pejabat Penilai Kinerja dan Atasan Pejabat Penilai Kinerja bagi Ir. Budi Santoso M.T. (NIP 197203151998031004).',
    });
    const official = await db.prisma.externalOfficial.findFirstOrThrow();
    expect(await line(BUDI)).toEqual({ ppk: { kind: 'EXTERNAL', id: official.id }, atasanPpk: { kind: 'EXTERNAL', id: official.id } });
    // The Kepala Bidang's Atasan PPK is now the Gubernur; nobody inside the bot decides their keberatan.
    expect((await line(AGUS))?.atasanPpk).toEqual({ kind: 'EXTERNAL', id: official.id });
    expect((await cli('official', 'list')).out).toMatch(/Ir\. Budi Santoso M\.T\. \(NIP 197203151998031004\): Pejabat Penilai Kinerja dan Atasan Pejabat Penilai Kinerja – Dr\. H\. Ahmad Luthfi/);
    await bot.type('/as Budi');
    expect(await bot.type('/saya')).toMatch(/Atasan langsung: -?[\s\S]*Pejabat Penilai Kinerja: Dr\. H\. Ahmad Luthfi, S\.H\., S\.St\.M\.K\. \(Gubernur Contoh\)/);
  });

  it('refuses a bad role, a missing title or a malformed NIP, and changes nothing', async () => {
    const before = await db.prisma.externalOfficial.count();
    expect(await cli('official', 'set', '--nip', SITI, '--role', 'bupati', '--name', 'X', '--title', 'Y')).toMatchObject({ code: 1, err: expect.stringMatching(/--role/) });
    expect(await cli('official', 'set', '--nip', SITI, '--role', 'ppk', '--name', 'X')).toMatchObject({ code: 1, err: expect.stringMatching(/--title/) });
    expect(await cli('official', 'set', '--nip', SITI, '--role', 'ppk', '--name', 'X', '--title', 'Y', '--official-nip', '123')).toMatchObject({ code: 1, err: expect.stringMatching(/18 angka/) });
    expect(await cli('official', 'set', '--nip', '199999999999999999', '--role', 'ppk', '--name', 'X', '--title', 'Y')).toMatchObject({ code: 1, err: expect.stringMatching(/199999999999999999/) });
    expect(await db.prisma.externalOfficial.count()).toBe(before);
  });

  it('removes the Atasan PPK alone: then the Gubernur is the head’s PPK only, and nothing is left to remove twice', async () => {
    expect(await cli('official', 'remove', '--nip', BUDI, '--role', 'atasan')).toMatchObject({ code: 0, out: 'Atasan Pejabat Penilai Kinerja bagi Ir. Budi Santoso M.T. dihapus.' });
    expect((await line(BUDI))?.atasanPpk).toBeNull();
    expect((await line(BUDI))?.ppk?.kind).toBe('EXTERNAL');
    expect(await cli('official', 'remove', '--nip', BUDI, '--role', 'atasan')).toMatchObject({ code: 0, out: expect.stringMatching(/tidak memiliki Atasan Pejabat Penilai Kinerja yang tercatat; tidak ada yang diubah/) });
    await cli('official', 'set', '--nip', BUDI, '--role', 'atasan', '--name', 'Dr. H. Ahmad Luthfi, S.H., S.St.M.K.', '--title', 'Gubernur Contoh');
  });
});

describe('a PPK who has left (berhalangan tetap)', () => {
  it('passes authority to the next eligible superior until a Plt is recorded', async () => {
    await db.prisma.employee.update({ where: { nip: HENDRA }, data: { active: false } });
    expect(await may(SITI, 'EVALUATE', YULIA)).toBe(true);
    expect((await reportsOf(db.prisma, await person(SITI), NOW)).find((r) => r.nip === YULIA)).toMatchObject({ rater: true });

    expect((await cli('acting', 'add', '--nip', RINA, '--for', HENDRA, '--kind', 'plt', '--from', '2026-11-01', '--to', '2027-06-30')).code).toBe(0);
    expect(await may(RINA, 'EVALUATE', YULIA)).toBe(true);
    expect(await may(SITI, 'EVALUATE', YULIA)).toBe(false);
    expect(await may(SITI, 'DECIDE_OBJECTION', YULIA)).toBe(true);
  });
});
