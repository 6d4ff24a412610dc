import { beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../src/conversation/reply.js';
import { noticesOf } from '../../../src/notifications/notify.js';
import { Conflict } from '../../../src/services/work.js';
import { MemoryWorld } from '../../support/memory-world.js';
import { decide, decideLater, MemoryRows } from '../../support/memory-stores.js';

let world: MemoryWorld;
let rows: MemoryRows;

beforeEach(() => {
  world = new MemoryWorld();
  rows = new MemoryRows(world);
});

describe('feedback service', () => {
  const give = (by: string, to: string, requestId: string | null = null) =>
    decide(rows, (s) => s.feedback.give(world.member(by), { recipientId: to, about: { coreValue: 'kolaboratif' }, kind: 'APRESIASI', text: 'Terima kasih atas kerja samanya', requestId }));

  it('gives feedback to a report, who gets it with a Balas button', async () => {
    const given = await give('sri', 'andi');
    if (!given.ok) throw new Error('refused');
    const [notice] = given.events.flatMap(noticesOf);
    const buttons: string[] = [];
    expect(plainText(notice!.message((label) => (buttons.push(label), { label, token: '' })))).toMatch(/Apresiasi dari Sri Wahyuni tentang Perilaku: Kolaboratif/);
    expect(buttons).toEqual(['Balas']);
  });

  it('refuses feedback to someone who is not a report', async () => {
    expect(await give('andi', 'budi')).toMatchObject({ ok: false, refusal: { code: 'DENIED', action: 'GIVE_FEEDBACK' } });
  });

  it('takes one reply; a stale Balas is refused and a racing reply fails its commit', async () => {
    const given = await give('sri', 'andi');
    if (!given.ok) throw new Error('refused');
    const id = given.value.id;
    const first = await decideLater(rows, (s) => s.feedback.reply(world.member('andi'), id, 'Sama-sama, Bu'));
    const second = await decideLater(rows, (s) => s.feedback.reply(world.member('andi'), id, 'Dari HP lain'));
    await first.commit();
    await expect(second.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await decide(rows, (s) => s.feedback.reply(world.member('andi'), id, 'Lagi'))).toEqual({ ok: false, refusal: { code: 'ALREADY_REPLIED' } });
    expect(rows.feedback.get(id)?.reply).toBe('Sama-sama, Bu');
  });

  it('does not let anyone but the recipient reply', async () => {
    const given = await give('sri', 'andi');
    if (!given.ok) throw new Error('refused');
    expect(await decide(rows, (s) => s.feedback.reply(world.member('budi'), given.value.id, 'Saya juga'))).toEqual({ ok: false, refusal: { code: 'NOT_FOUND' } });
  });

  it('asks the supervisor for feedback, and says so when there is none', async () => {
    const requested = await decide(rows, (s) => s.feedback.request(world.member('andi'), { rhkId: null, topic: 'Presentasi kemarin' }));
    expect(requested.ok && requested.events.flatMap(noticesOf).map((n) => n.to.id)).toEqual(['sri']);
    expect(await decide(rows, (s) => s.feedback.request(world.member('rina'), { rhkId: null, topic: 'x' }))).toEqual({ ok: false, refusal: { code: 'NO_SUPERVISOR' } });
  });

  it('keeps the first answer to a request: a second answer stands on its own', async () => {
    const requested = await decide(rows, (s) => s.feedback.request(world.member('andi'), { rhkId: null, topic: 'Presentasi' }));
    if (!requested.ok) throw new Error('refused');
    await give('sri', 'andi', requested.value.id);
    await give('sri', 'andi', requested.value.id);
    expect([...rows.feedback.values()].map((f) => f.requestId)).toEqual([requested.value.id, null]);
  });
});

describe('leave service', () => {
  const record = (by: string, employeeId: string, end = { year: 2026, month: 12, day: 24 }) =>
    decide(rows, (s) => s.leave.record({ member: world.member(by) }, { employeeId, start: { year: 2026, month: 12, day: 21 }, end, note: null }));

  it('records one’s own leave without telling anyone', async () => {
    const recorded = await record('andi', 'andi');
    expect(recorded).toMatchObject({ ok: true, value: { start: '2026-12-21', end: '2026-12-24' }, events: [] });
    expect(rows.leaves).toHaveLength(1);
  });

  it('lets the supervisor record a report’s leave and tells the report', async () => {
    const recorded = await record('sri', 'andi');
    expect(recorded.ok && recorded.events.flatMap(noticesOf).map((n) => n.to.id)).toEqual(['andi']);
  });

  it('refuses leave for a colleague, an end before the start and more than 90 days', async () => {
    expect(await record('budi', 'andi')).toMatchObject({ ok: false, refusal: { code: 'DENIED', action: 'RECORD_LEAVE' } });
    expect(await record('andi', 'andi', { year: 2026, month: 12, day: 20 })).toEqual({ ok: false, refusal: { code: 'END_BEFORE_START' } });
    expect(await record('andi', 'andi', { year: 2027, month: 3, day: 21 })).toEqual({ ok: false, refusal: { code: 'TOO_LONG' } });
    // 90 days, both ends counted, is the longest one record may be.
    expect((await record('andi', 'andi', { year: 2027, month: 3, day: 20 })).ok).toBe(true);
    expect(rows.leaves).toHaveLength(1);
  });

  it('lets HR record leave from the CLI and tells the employee it was HR', async () => {
    const recorded = await decide(rows, (s) => s.leave.record({ hr: { agencyId: 'agency', label: 'cli' } }, { employeeId: 'andi', start: { year: 2026, month: 12, day: 21 }, end: { year: 2026, month: 12, day: 21 }, note: null }));
    const [notice] = recorded.ok ? recorded.events.flatMap(noticesOf) : [];
    expect(plainText(notice!.message(() => ({ label: '', token: '' })))).toMatch(/^Pengelola kinerja mencatat cuti Anda/);
  });
});

describe('check-in service', () => {
  const answers = { progress: [], progressFree: 'Menyusun laporan', obstacle: null, support: null, mood: 4 };

  it('answers this week’s check-in once; a second answer is refused', async () => {
    const prompt = await decide(rows, (s) => s.checkins.thisWeek(world.member('andi')));
    expect((await decide(rows, (s) => s.checkins.answer(world.member('andi'), prompt.id, answers))).ok).toBe(true);
    expect(await decide(rows, (s) => s.checkins.answer(world.member('andi'), prompt.id, answers))).toEqual({ ok: false, refusal: { code: 'ALREADY_ANSWERED' } });
    expect(rows.prompts.get(prompt.id)?.answers).toHaveLength(2);
  });

  it('refuses an answer after the deadline closed the week, and someone else’s check-in', async () => {
    const prompt = await decide(rows, (s) => s.checkins.thisWeek(world.member('andi')));
    expect(await decide(rows, (s) => s.checkins.answer(world.member('budi'), prompt.id, answers))).toEqual({ ok: false, refusal: { code: 'NOT_FOUND' } });
    rows.prompts.get(prompt.id)!.status = 'MISSED';
    expect(await decide(rows, (s) => s.checkins.answer(world.member('andi'), prompt.id, answers))).toEqual({ ok: false, refusal: { code: 'CLOSED' } });
  });

  it('fails the commit of an answer decided before the deadline sweep closed the week', async () => {
    const prompt = await decide(rows, (s) => s.checkins.thisWeek(world.member('andi')));
    const late = await decideLater(rows, (s) => s.checkins.answer(world.member('andi'), prompt.id, answers));
    rows.prompts.get(prompt.id)!.status = 'MISSED';
    await expect(late.commit()).rejects.toBeInstanceOf(Conflict);
  });

  it('turns an obstacle told in the check-in into an obstacle for the supervisor', async () => {
    const prompt = await decide(rows, (s) => s.checkins.thisWeek(world.member('andi')));
    const answered = await decide(rows, (s) => s.checkins.answer(world.member('andi'), prompt.id, { ...answers, obstacle: 'Printer rusak', support: 'Printer baru' }));
    expect(answered).toMatchObject({ ok: true, value: { forwardedTo: 'Sri Wahyuni' } });
    expect([...rows.obstacles.values()]).toMatchObject([{ employeeId: 'andi', supervisorId: 'sri', text: 'Printer rusak', supportNeeded: 'Printer baru', source: 'CHECKIN' }]);
  });
});

describe('progress service', () => {
  it('logs progress only on one’s own RHK', async () => {
    const rhkId = rows.addPlan('andi', 'AGREED', ['Berkas diverifikasi']).rhks[0]!.id;
    const input = { rhkId, text: '12 berkas', evidence: null, platform: 'TELEGRAM' as const };
    expect(await decide(rows, (s) => s.progress.log(world.member('andi'), input))).toMatchObject({ ok: true, value: { rhkText: 'Berkas diverifikasi' } });
    expect(await decide(rows, (s) => s.progress.log(world.member('budi'), input))).toEqual({ ok: false, refusal: { code: 'NOT_YOUR_RHK' } });
    expect(rows.progress).toHaveLength(1);
  });

  it('marks a platform file PENDING and asks for its download after the commit; a link or a console file needs none', async () => {
    const rhkId = rows.addPlan('andi', 'AGREED', ['Berkas diverifikasi']).rhks[0]!.id;
    const file = { kind: 'FILE' as const, externalFileId: 'BQAC-1', fileName: 'laporan.pdf', mimeType: 'application/pdf', sizeBytes: 1200 };
    const logged = await decideLater(rows, (s) => s.progress.log(world.member('andi'), { rhkId, text: 'Laporan', evidence: file, platform: 'TELEGRAM' }));
    const evidence = (rows.progress.at(-1) as { evidence?: unknown } | undefined)?.evidence;
    expect(evidence).toBeUndefined(); // nothing written before the commit
    await logged.commit();
    const written = (rows.progress.at(-1) as unknown as { evidence: { id: string; storageStatus: string | null; externalFileId: string } }).evidence;
    expect(written).toMatchObject({ storageStatus: 'PENDING', externalFileId: 'BQAC-1' });
    expect(logged.work.followUps).toEqual([{ job: 'evidence.download', evidenceId: written.id }]);

    const link = await decideLater(rows, (s) => s.progress.log(world.member('andi'), { rhkId, text: 'Tautan', evidence: { kind: 'LINK', url: 'https://drive.contoh.go.id/x' }, platform: 'SLACK' }));
    const console = await decideLater(rows, (s) => s.progress.log(world.member('andi'), { rhkId, text: 'Konsol', evidence: file, platform: 'CONSOLE' }));
    expect([...link.work.followUps, ...console.work.followUps]).toEqual([]);
  });
});
