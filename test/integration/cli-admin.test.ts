/**
 * HR's administration from the CLI: check-in schedules, pengelola kinerja, leave and where the
 * weekly digest goes. Bad input says what is wrong and changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createCliContext } from '../../src/cli/context.js';
import { checkinSchedulers } from '../../src/checkins/schedules.js';
import { parseConfig } from '../../src/config/load.js';
import { useTestDatabase } from '../support/database.js';
import { tempFile } from '../support/files.js';

const db = await useTestDatabase();

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext(parseConfig({ DATABASE_URL: db.url, ...env }), { out: (line) => out.push(line), err: (line) => err.push(line), interactive: false });
  context.now = () => new Date('2026-11-27T03:00:00Z');
  const code = await runCli(args, context).finally(() => context.close());
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const AGUS = '198001102005011003';
const AHMAD = '199002142014021001';

beforeAll(async () => {
  expect((await cli(['import-org', 'examples/organisasi-contoh.csv', '--instansi', 'Pemerintah Provinsi Contoh'])).code).toBe(0);
});

describe('check-in schedules', () => {
  it('lists the default when no unit has its own', async () => {
    const result = await cli(['schedule', 'list']);
    expect(result.out).toMatch(/Bawaan untuk unit tanpa jadwal sendiri: Jumat pukul 14\.00; pengingat setelah 24 jam; ditutup setelah 72 jam; atasan diberi tahu setelah 2 minggu terlewat berturut-turut; pertanyaan: progres, kendala, dukungan yang diperlukan, suasana hati/);
  });

  it('sets a unit’s schedule, changing only what is given, and the job schedulers follow', async () => {
    const result = await cli(['schedule', 'set', '--unit', 'bidang aplikasi informatika', '--day', 'senin', '--time', '09.30', '--questions', 'kendala,suasana']);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/Jadwal laporan progres mingguan Bidang Aplikasi Informatika \(beserta sub-unitnya\) disimpan: Senin pukul 09\.30; pengingat setelah 24 jam; ditutup setelah 72 jam; .*pertanyaan: progres, kendala, suasana hati/);
    const row = await db.prisma.checkinSchedule.findFirstOrThrow({ include: { unit: true } });
    expect(row).toMatchObject({ weekday: 1, minuteOfDay: 570, reminderAfterHours: 24, deadlineHours: 72, questions: ['obstacle', 'mood'], unit: { name: 'Bidang Aplikasi Informatika' } });
    const specs = await checkinSchedulers(db.prisma);
    expect(specs.find((s) => s.id === `checkin:s:${row.id}:Asia/Jakarta`)?.repeat).toEqual({ pattern: '30 9 * * 1', tz: 'Asia/Jakarta' });
    expect((await cli(['schedule', 'list'])).out).toMatch(/Bidang Aplikasi Informatika \(beserta sub-unitnya\): Senin pukul 09\.30/);
    expect(await db.prisma.auditLog.count({ where: { action: 'checkinSchedule.saved', actorLabel: 'cli' } })).toBe(1);
  });

  it('sets the whole agency without --unit, and speaks English when asked', async () => {
    const result = await cli(['schedule', 'set', '--reminder-hours', '4', '--deadline-hours', '48', '--escalate-after', '0'], { DEFAULT_LOCALE: 'en' });
    expect(result.out).toMatch(/Check-in schedule of Dinas Komunikasi dan Informatika \(with its sub-units\) saved: Friday at 14:00; reminder after 4 hours; closed after 48 hours; the supervisor is not told about missed weeks/);
  });

  it('refuses bad values with a clear message and changes nothing', async () => {
    const before = await db.prisma.checkinSchedule.findMany({ orderBy: { id: 'asc' } });
    const cases: [string[], RegExp][] = [
      [['--day', 'kemarin'], /Hari "kemarin" tidak dikenal/],
      [['--time', '25:00'], /Jam "25:00" tidak valid/],
      [['--reminder-hours', 'dua'], /--reminder-hours "dua" harus bilangan bulat jam/],
      [['--reminder-hours', '80'], /Pengingat harus minimal 1 jam dan lebih awal dari batas waktu/],
      [['--deadline-hours', '168'], /Batas waktu harus antara 1 dan 167 jam/],
      [['--escalate-after', '13'], /sampai 12/],
      [['--questions', 'cuaca'], /Pertanyaan "cuaca" tidak dikenal/],
      [['--unit', 'Bidang Antah Berantah'], /Unit "Bidang Antah Berantah" tidak ada di instansi ini/],
    ];
    for (const [args, message] of cases) {
      expect(await cli(['schedule', 'set', ...args])).toMatchObject({ code: 1, err: expect.stringMatching(message) });
    }
    expect(await cli(['schedule'])).toMatchObject({ code: 2, err: expect.stringMatching(/Pilihan: list, set, reset/) });
    expect(await db.prisma.checkinSchedule.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('resets a unit to its parent’s schedule', async () => {
    expect((await cli(['schedule', 'reset', '--unit', 'Bidang Aplikasi Informatika'])).out).toMatch(/kembali memakai jadwal unit induknya/);
    expect((await cli(['schedule', 'reset', '--unit', 'Bidang Aplikasi Informatika'])).out).toMatch(/tidak punya jadwal sendiri; tidak ada yang diubah/);
    expect(await cli(['schedule', 'reset'])).toMatchObject({ code: 1, err: expect.stringMatching(/--unit/) });
  });
});

describe('pengelola kinerja', () => {
  it('grants, lists and revokes the HR role by NIP', async () => {
    expect((await cli(['hr', 'list'])).out).toMatch(/Belum ada Pengelola Kinerja/);
    expect((await cli(['hr', 'add', AGUS])).out).toMatch(/Agus Setiawan S\.Kom\. sekarang Pengelola Kinerja untuk Pemerintah Provinsi Contoh/);
    expect((await cli(['hr', 'add', '19800110 200501 1 003', '--unit', 'Bidang Aplikasi Informatika'])).out).toMatch(/untuk Bidang Aplikasi Informatika/);
    expect(await db.prisma.hrRole.count()).toBe(1);
    expect((await cli(['hr', 'list'])).out).toMatch(/Agus Setiawan S\.Kom\. \(NIP 198001102005011003\) – Bidang Aplikasi Informatika/);
    expect(await cli(['hr', 'add', '123'])).toMatchObject({ code: 1, err: expect.stringMatching(/Tidak ada pegawai dengan NIP\/NI PPPK 123/) });
    expect(await cli(['hr', 'add'])).toMatchObject({ code: 1, err: expect.stringMatching(/Sebutkan NIP/) });
    expect((await cli(['hr', 'remove', AGUS])).out).toMatch(/bukan lagi Pengelola Kinerja/);
    expect((await cli(['hr', 'remove', AGUS])).out).toMatch(/memang bukan Pengelola Kinerja/);
  });
});

describe('leave', () => {
  it('records leave, tells the employee through the outbox, and lists it', async () => {
    const ahmad = await db.prisma.employee.findUniqueOrThrow({ where: { nip: AHMAD } });
    await db.prisma.chatIdentity.create({ data: { employeeId: ahmad.id, platform: 'TELEGRAM', externalUserId: '4242', linkedAt: new Date() } });
    const result = await cli(['leave', 'add', AHMAD, '--from', '2026-12-21', '--to', '24-12-2026', '--note', 'Cuti tahunan']);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/Cuti Ahmad Fauzi S\.Kom\. tercatat dari 2026-12-21 sampai 2026-12-24/);
    const message = await db.prisma.outboundMessage.findFirstOrThrow({ where: { employeeId: ahmad.id } });
    expect(JSON.stringify(message.payload)).toMatch(/Pengelola Kinerja mencatat cuti Anda dari 2026-12-21 sampai 2026-12-24/);
    expect((await cli(['leave', 'list'])).out).toMatch(/Ahmad Fauzi S\.Kom\. \(NIP 199002142014021001\): 2026-12-21 – 2026-12-24 \(Cuti tahunan\)/);
  });

  it('refuses impossible dates and changes nothing', async () => {
    const before = await db.prisma.leave.count();
    expect(await cli(['leave', 'add', AHMAD, '--from', '2026-12-24', '--to', '2026-12-21'])).toMatchObject({ code: 1, err: expect.stringMatching(/tidak boleh sebelum tanggal mulai/) });
    expect(await cli(['leave', 'add', AHMAD, '--from', '2026-12-01', '--to', '2027-06-01'])).toMatchObject({ code: 1, err: expect.stringMatching(/paling lama 90 hari/) });
    expect(await cli(['leave', 'add', AHMAD, '--from', '31-02-2026', '--to', '2026-03-02'])).toMatchObject({ code: 1, err: expect.stringMatching(/--from tidak valid/) });
    expect(await cli(['leave', 'add', AHMAD])).toMatchObject({ code: 1, err: expect.stringMatching(/Sebutkan tanggalnya/) });
    expect(await db.prisma.leave.count()).toBe(before);
  });
});

describe('digest destinations', () => {
  it('lists and removes where the weekly digest goes', async () => {
    expect((await cli(['report-destinations', 'list'])).out).toMatch(/Belum ada tujuan ringkasan mingguan/);
    const agency = await db.prisma.agency.findFirstOrThrow();
    await db.prisma.reportDestination.create({ data: { agencyId: agency.id, platform: 'TELEGRAM', chatId: '-100555', title: 'Tim SDM' } });
    expect((await cli(['report-destinations', 'list'])).out).toMatch(/TELEGRAM -100555 “Tim SDM” – Pemerintah Provinsi Contoh/);
    expect((await cli(['report-destinations', 'remove', 'tim sdm'])).out).toMatch(/tidak lagi dikirim ke tim sdm/);
    await db.prisma.reportDestination.create({ data: { agencyId: agency.id, platform: 'TELEGRAM', chatId: '-100556', title: 'Tim SDM 2' } });
    expect((await cli(['report-destinations', 'remove', '--', '-100556'])).out).toMatch(/tidak lagi dikirim ke -100556/);
    expect((await cli(['report-destinations', 'remove', '--', '-100556'])).out).toMatch(/bukan tujuan ringkasan mingguan/);
    expect(await db.prisma.reportDestination.count()).toBe(0);
  });
});

describe('Plt and Plh', () => {
  const SITI = '197708222003122002';
  const DEWI = '198204172006042001';

  it('records a Plt, lists it, and ends it early; the acting person then covers the official’s reports', async () => {
    const recorded = await cli(['acting', 'add', '--nip', DEWI, '--for', AGUS, '--kind', 'plt', '--from', '2026-12-01', '--to', '2027-03-31', '--note', 'SK Plt 800/12']);
    expect(recorded).toMatchObject({ code: 0, out: 'Plt. dicatat: Dewi Lestari S.Sos. untuk Agus Setiawan S.Kom., 2026-12-01 s.d. 2027-03-31.' });
    const row = await db.prisma.actingAssignment.findFirstOrThrow({ include: { employee: true, actingFor: true } });
    expect(row).toMatchObject({ kind: 'PLT', note: 'SK Plt 800/12', employee: { nip: DEWI }, actingFor: { nip: AGUS } });
    expect(await db.prisma.auditLog.count({ where: { action: 'acting.recorded', actorLabel: 'cli' } })).toBe(1);
    expect((await cli(['acting', 'list'])).out).toMatch(/• Plt\. Dewi Lestari S\.Sos\. \(NIP 198204172006042001\) untuk Agus Setiawan S\.Kom\. \(NIP 198001102005011003\): 2026-12-01 – 2027-03-31/);

    // While it runs Dewi has Agus's reports as her own, marked as acting.
    const { loadMember, reportsOf } = await import('../../src/services/people.js');
    const dewi = (await loadMember(db.prisma, row.employeeId))!;
    const reports = await reportsOf(db.prisma, dewi, new Date('2026-12-02T03:00:00Z'));
    expect(reports.filter((report) => report.acting).map((report) => report.name)).toEqual(expect.arrayContaining(['Ahmad Fauzi S.Kom.', 'Nur Aini S.Kom.']));

    expect((await cli(['acting', 'end', '--nip', DEWI, '--for', AGUS, '--on', '2027-01-15'])).out).toBe('Tugas Dewi Lestari S.Sos. sebagai Plt./Plh. untuk Agus Setiawan S.Kom. berakhir 2027-01-15.');
    expect((await db.prisma.actingAssignment.findFirstOrThrow()).endsOn.toISOString().slice(0, 10)).toBe('2027-01-15');
  });

  it('refuses acting for oneself, reversed dates, a second Plt for one official, acting for each other and unknown people, and changes nothing', async () => {
    const before = await db.prisma.actingAssignment.count();
    const add = (...args: string[]) => cli(['acting', 'add', ...args]);
    expect(await add('--nip', AGUS, '--for', AGUS, '--kind', 'plh', '--from', '2027-02-01', '--to', '2027-02-10')).toMatchObject({ code: 1, err: expect.stringMatching(/tidak dapat menjadi Plt\.\/Plh\. bagi dirinya sendiri/) });
    expect(await add('--nip', SITI, '--for', AGUS, '--kind', 'plh', '--from', '2027-02-10', '--to', '2027-02-01')).toMatchObject({ code: 1, err: expect.stringMatching(/--to sebelum --from/) });
    // Dewi acts for Agus until 15 January: a Plh for Agus on 10 January overlaps.
    expect(await add('--nip', SITI, '--for', AGUS, '--kind', 'plh', '--from', '2027-01-10', '--to', '2027-01-20')).toMatchObject({ code: 1, err: expect.stringMatching(/sudah ada Plt\.\/Plh\. untuk Agus Setiawan/) });
    expect(await add('--nip', AGUS, '--for', DEWI, '--kind', 'plh', '--from', '2027-01-01', '--to', '2027-01-05')).toMatchObject({ code: 1, err: expect.stringMatching(/Agus .*saling menggantikan|saling menggantikan/) });
    expect(await add('--nip', '199999999999999999', '--for', AGUS, '--kind', 'plt', '--from', '2027-02-01', '--to', '2027-02-10')).toMatchObject({ code: 1, err: expect.stringMatching(/199999999999999999/) });
    expect(await add('--nip', SITI, '--for', AGUS, '--kind', 'pjs', '--from', '2027-02-01', '--to', '2027-02-10')).toMatchObject({ code: 1, err: expect.stringMatching(/--kind tidak valid: plt \| plh/) });
    expect(await add('--nip', SITI)).toMatchObject({ code: 1, err: expect.stringMatching(/Pemakaian: acting add/) });
    expect(await db.prisma.actingAssignment.count()).toBe(before);
    // After Dewi's assignment ended, a Plh for Agus is fine.
    expect(await add('--nip', SITI, '--for', AGUS, '--kind', 'plh', '--from', '2027-01-16', '--to', '2027-01-20')).toMatchObject({ code: 0 });
  });

  it('imports many Plt/Plh from a file: records the good rows, refuses the others with their line, and is unchanged when imported again', async () => {
    const RINA = '198711052010012003';
    const HENDRA = '198506302009031002';
    const file = tempFile(
      'plt.csv',
      [
        'nip,untuk,jenis,mulai,selesai,nomor_sk',
        `${RINA},${SITI},plt,2027-02-01,2027-02-28,SK 800/21`,
        `${DEWI},${AGUS},plt,2026-12-01,2027-01-15,`,
        `${HENDRA},${AGUS},plh,2027-01-10,2027-01-12,`,
        `${SITI},${RINA},plh,2027-02-10,2027-02-12,`,
        `199999999999999999,${AGUS},plt,2027-03-01,2027-03-05,`,
        `${HENDRA},${SITI},pjs,2027-03-01,2027-03-05,`,
        `${HENDRA},${SITI},plh,kemarin lusa,2027-03-05,`,
      ].join('\n'),
    );
    const before = await db.prisma.actingAssignment.count();
    // Rina has a chat account: she is told of her assignment (acting import records through the acting service).
    const rina = await db.prisma.employee.findUniqueOrThrow({ where: { nip: RINA } });
    await db.prisma.chatIdentity.create({ data: { employeeId: rina.id, platform: 'CONSOLE', externalUserId: RINA, dmChannelId: RINA } });
    const first = await cli(['acting', 'import', file]);
    expect(first.code).toBe(1);
    expect(first.out).toBe('Plt./Plh.: 1 dicatat, 1 sudah tercatat, 5 ditolak.');
    expect(first.err.split('\n')).toEqual([
      expect.stringMatching(/^Baris 4 ditolak: sudah ada Plt\.\/Plh\. untuk Agus Setiawan/),
      expect.stringMatching(/^Baris 5 ditolak: .*saling menggantikan/),
      expect.stringMatching(/^Baris 6 ditolak: Tidak ada pegawai dengan NIP\/NI PPPK 199999999999999999/),
      expect.stringMatching(/^Baris 7 ditolak: kolom jenis "pjs" harus plt atau plh/),
      expect.stringMatching(/^Baris 8 ditolak: tanggal di kolom mulai \("kemarin lusa"\) tidak terbaca/),
    ]);
    expect(await db.prisma.actingAssignment.count()).toBe(before + 1);
    expect(await db.prisma.actingAssignment.findFirstOrThrow({ where: { employee: { nip: RINA } } })).toMatchObject({ kind: 'PLT', note: 'SK 800/21' });
    expect(await db.prisma.outboundMessage.count({ where: { employeeId: rina.id } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: 'acting.recorded', actorLabel: 'cli', details: { path: ['acting'], equals: RINA } } })).toBe(1);
    expect((await cli(['acting', 'import', file])).out).toBe('Plt./Plh.: 0 dicatat, 2 sudah tercatat, 5 ditolak.');
    expect(await db.prisma.actingAssignment.count()).toBe(before + 1);

    const dry = tempFile('plt2.csv', `nip,untuk,jenis,mulai,selesai\n${HENDRA},${DEWI},plh,2027-04-01,2027-04-03\n`);
    expect(await cli(['acting', 'import', dry, '--dry-run'])).toMatchObject({ code: 0, out: 'Plt./Plh.: 1 dicatat, 0 sudah tercatat, 0 ditolak.\nUji coba (--dry-run): tidak ada yang disimpan.' });
    expect(await db.prisma.actingAssignment.count()).toBe(before + 1);
    expect(await cli(['acting', 'import', tempFile('plt3.csv', 'nip,jenis\n1,plt\n')])).toMatchObject({ code: 1, err: expect.stringMatching(/Kolom wajib tidak ada: untuk, mulai, selesai/) });
  });
});
