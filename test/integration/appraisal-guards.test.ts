/**
 * The PostgreSQL stores of keberatan, follow-ups and guidance sessions guard their writes as the
 * in-memory ones of the unit tests do: two decisions made from the same state (two devices, two
 * deciders) are both allowed when decided, and the one committed second finds the state moved on
 * (Conflict) and writes nothing – so nothing moves backwards.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { commit } from '../../src/services/commit.js';
import { loadMember, type Member } from '../../src/services/people.js';
import { servicesFor, type Services } from '../../src/services/registry.js';
import { Conflict, UnitOfWork } from '../../src/services/work.js';
import { useTestDatabase } from '../support/database.js';

const db = await useTestDatabase();
await seedDemoIfEmpty(db.prisma, 2026);
const NOW = new Date('2026-12-28T03:00:00Z');

async function member(name: string): Promise<Member> {
  const { id } = await db.prisma.employee.findFirstOrThrow({ where: { name } });
  return (await loadMember(db.prisma, id))!;
}

/** Decides now against the database; commits when asked. */
async function decideLater<T>(run: (services: Services) => Promise<T>): Promise<{ value: T; commit: () => Promise<unknown> }> {
  const work = new UnitOfWork(NOW);
  const value = await run(servicesFor(db.prisma, work));
  return { value, commit: () => commit(db.prisma, work) };
}

async function decideNow<T>(run: (services: Services) => Promise<T>): Promise<T> {
  const decided = await decideLater(run);
  await decided.commit();
  return decided.value;
}

/** A final, delivered Q4 evaluation of `employee` by Sri Wahyuni. */
async function finalEvaluation(employee: string): Promise<string> {
  const [subject, sri] = [await member(employee), await member('Sri Wahyuni')];
  const at = new Date('2026-12-27T03:00:00Z');
  const row = await db.prisma.evaluation.create({
    data: { employeeId: subject.id, raterId: sri.id, kind: 'PERIODIC', year: 2026, periodKey: '2026-Q4', resultsRating: 'SESUAI', behaviourRating: 'SESUAI', predikat: 'BAIK', status: 'FINAL', finalizedAt: at, deliveredAt: at },
  });
  return row.id;
}

describe('keberatan in PostgreSQL', () => {
  it('is filed once from two devices, and not at all after the acceptance landed', async () => {
    const ratna = await member('Ratna Sari Dewi');
    const evaluationId = await finalEvaluation('Ratna Sari Dewi');
    const phone = await decideLater((s) => s.objections.file(ratna, evaluationId, 'Alasan pertama'));
    const laptop = await decideLater((s) => s.objections.file(ratna, evaluationId, 'Alasan kedua'));
    expect(phone.value.ok && laptop.value.ok).toBe(true);
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await db.prisma.objection.findMany({ where: { evaluationId }, select: { reasons: true, status: true } })).toEqual([{ reasons: 'Alasan pertama', status: 'FILED' }]);

    const andi = await member('Andi Pratama');
    const accepted = await finalEvaluation('Andi Pratama');
    const objecting = await decideLater((s) => s.objections.file(andi, accepted, 'Terlambat'));
    await db.prisma.evaluation.update({ where: { id: accepted }, data: { status: 'ACKNOWLEDGED' } });
    await expect(objecting.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await db.prisma.objection.count({ where: { evaluationId: accepted } })).toBe(0);
  });

  it('is decided once, and a late explanation or request does not touch it', async () => {
    const [hendra, sri, ratna] = [await member('Hendra Gunawan'), await member('Sri Wahyuni'), await member('Ratna Sari Dewi')];
    const objection = await db.prisma.objection.findFirstOrThrow({ where: { evaluation: { employee: { name: 'Ratna Sari Dewi' } } } });
    // The PPK explains first: the decision waits for it (PP 30/2019 Pasal 59).
    expect((await decideNow((s) => s.objections.explain(sri, objection.id, 'Dilaporkan setelah penilaian.'))).ok).toBe(true);
    const explanation = await decideLater((s) => s.objections.explain(ratna, objection.id, 'Terlambat'));
    const request = await decideLater((s) => s.objections.askForExplanation(hendra, objection.id, 'employee'));
    const first = await decideLater((s) => s.objections.decide(hendra, objection.id, { decision: 'CHANGED', results: 'DI_ATAS', behaviour: 'DI_ATAS', note: 'Pertama' }));
    const second = await decideLater((s) => s.objections.decide(hendra, objection.id, { decision: 'UPHELD', results: null, behaviour: null, note: 'Kedua' }));
    expect([explanation, request, first, second].every((d) => d.value.ok)).toBe(true);
    await first.commit();
    for (const late of [second, explanation, request]) await expect(late.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await db.prisma.objection.findUniqueOrThrow({ where: { id: objection.id }, include: { evaluation: true } })).toMatchObject({
      status: 'DECIDED',
      decision: 'CHANGED',
      decisionNote: 'Pertama',
      changedPredikat: 'SANGAT_BAIK',
      raterExplanation: 'Dilaporkan setelah penilaian.',
      employeeExplanation: null,
      evaluation: { status: 'DECIDED', predikat: 'BAIK' },
    });
    expect(await decideNow((s) => s.objections.explain(ratna, objection.id, 'Terlambat'))).toEqual({ ok: false, refusal: { code: 'DECIDED' } });
  });
});

describe('follow-ups in PostgreSQL', () => {
  it('have the official’s decision recorded once when two HR officers record it at the same time', async () => {
    const [sri, hendra, dewi] = [await member('Sri Wahyuni'), await member('Hendra Gunawan'), await member('Dewi Anggraini')];
    await db.prisma.hrRole.create({ data: { employeeId: dewi.id, agencyId: dewi.agencyId } });
    await db.prisma.hrRole.create({ data: { employeeId: hendra.id, agencyId: hendra.agencyId } });
    const yohanes = await member('Yohanes Kristianto');
    const evaluationId = await finalEvaluation(yohanes.name);
    const recommended = await decideNow((s) => s.followUps.recommend(sri, { employeeId: yohanes.id, evaluationId, kind: 'PENGHARGAAN', recommendation: 'Satyalancana' }));
    if (!recommended.ok) throw new Error(JSON.stringify(recommended.refusal));
    const id = recommended.value.followUp.id;
    const decision = { outcome: 'DISETUJUI' as const, officialName: 'Kepala Dinas', considerationRef: null, documentNumber: '800/9/2026', decidedOn: '2026-12-20', note: null };
    const first = await decideLater((s) => s.followUps.decide(hendra, id, decision));
    const second = await decideLater((s) => s.followUps.decide(dewi, id, { ...decision, outcome: 'DITOLAK' }));
    expect(first.value.ok && second.value.ok).toBe(true);
    await first.commit();
    await expect(second.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await db.prisma.evaluationFollowUp.findUniqueOrThrow({ where: { id } })).toMatchObject({ outcome: 'DISETUJUI', documentNumber: '800/9/2026', decidedById: hendra.id, decidedAt: NOW });
  });
});

describe('guidance sessions in PostgreSQL', () => {
  it('take the Format B.1.8 feedback once from two devices, and the competency evaluation once', async () => {
    const [sri, andi] = [await member('Sri Wahyuni'), await member('Andi Pratama')];
    const recorded = await decideNow((s) => s.development.record(sri, { employeeId: andi.id, kind: 'MENTORING', heldOn: '2026-12-27', topic: 'Rencana 2027', followUp: null }));
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.refusal));
    const codes = ['P_PURPOSE', 'P_SPOKE_FREELY', 'P_NEXT_STEPS', 'L_FACTS', 'L_ASKS', 'L_LISTENS', 'B_SOLUTIONS', 'B_AGREED', 'B_RESPECT'] as const;
    const ones = Object.fromEntries(codes.map((c) => [c, 1])) as Record<(typeof codes)[number], number>;
    const fives = Object.fromEntries(codes.map((c) => [c, 5])) as Record<(typeof codes)[number], number>;
    const phone = await decideLater((s) => s.development.rate(andi, recorded.value.id, fives));
    const laptop = await decideLater((s) => s.development.rate(andi, recorded.value.id, ones));
    await phone.commit();
    await expect(laptop.commit()).rejects.toBeInstanceOf(Conflict);
    const hendra = await member('Hendra Gunawan');
    expect(await db.prisma.developmentSession.findUniqueOrThrow({ where: { id: recorded.value.id } })).toMatchObject({ employeeRating: fives, ratedAt: NOW, feedbackToId: hendra.id });

    const rows = [{ competency: 'Perencanaan', score: 4, reason: 'Rencana 2027 lengkap.' }];
    const first = await decideLater((s) => s.development.evaluateCompetencies(sri, recorded.value.id, rows));
    const second = await decideLater((s) => s.development.evaluateCompetencies(sri, recorded.value.id, [{ ...rows[0]!, score: 2 }]));
    await first.commit();
    await expect(second.commit()).rejects.toBeInstanceOf(Conflict);
    expect(await db.prisma.competencyScore.findMany({ where: { sessionId: recorded.value.id }, select: { competency: true, score: true } })).toEqual([{ competency: 'Perencanaan', score: 4 }]);
  });
});
