/**
 * Writes one person's imported SKP: unchanged when it equals the plan in force, otherwise a new
 * AGREED version (source IMPORT) that supersedes every other version of the year, with an audit entry.
 * An RHK whose text (case and spacing ignored) was in the plan in force keeps its lineage, so
 * progress and feedback follow it through the new version.
 */
import type { Prisma } from '../generated/prisma/client.js';
import { uuidv7 } from '../storage/ids.js';
import { textKey } from './columns.js';
import type { ImportedPlan } from './validate.js';

type Tx = Prisma.TransactionClient;

/** What happened to one person's SKP. */
export type PlanResult = 'created' | 'new_version' | 'unchanged';

const inForceInclude = {
  resultExpectations: {
    orderBy: { position: 'asc' },
    include: { indicators: { orderBy: { position: 'asc' } }, leaderRhk: { select: { text: true } } },
  },
} as const;

/** The plan in force for a year: the newest agreed version. */
export function planInForce(tx: Tx, employeeId: string, year: number) {
  // Of the SKP period in force: a move mid-year closed the earlier periods' plans (periodEnd set).
  return tx.plan.findFirst({ where: { employeeId, year, periodEnd: null, status: 'AGREED' }, orderBy: { version: 'desc' }, include: inForceInclude });
}

type StoredPlan = NonNullable<Awaited<ReturnType<typeof planInForce>>>;

/** The RHK of a supervisor's plan in force, by compared text; null when they have no agreed plan. */
export async function leaderRhksOf(tx: Tx, employeeId: string, year: number): Promise<Map<string, { id: string; text: string }> | null> {
  const plan = await tx.plan.findFirst({
    where: { employeeId, year, periodEnd: null, status: 'AGREED' },
    orderBy: { version: 'desc' },
    select: { resultExpectations: { select: { id: true, text: true }, orderBy: { position: 'asc' } } },
  });
  return plan ? new Map(plan.resultExpectations.map((rhk) => [textKey(rhk.text), rhk])) : null;
}

/** A comparable form of a plan's content; leaders are compared by text, since their ids change with each leader version. */
function fingerprint(plan: {
  establishedOn: string | null;
  documentNumber: string | null;
  rhks: { kind: string; text: string; perspective: string | null; leaderText: string | null; indicators: { aspect: string | null; text: string; value: number | null; unit: string | null; narrative: string | null }[] }[];
}): string {
  return JSON.stringify({
    ...plan,
    rhks: plan.rhks.map((rhk) => ({ ...rhk, text: textKey(rhk.text), leaderText: rhk.leaderText === null ? null : textKey(rhk.leaderText) })),
  });
}

function storedFingerprint(plan: StoredPlan): string {
  return fingerprint({
    establishedOn: plan.establishedOn ? plan.establishedOn.toISOString().slice(0, 10) : null,
    documentNumber: plan.documentNumber,
    rhks: plan.resultExpectations.map((rhk) => ({
      kind: rhk.kind,
      text: rhk.text,
      perspective: rhk.perspective,
      leaderText: rhk.leaderRhk?.text ?? null,
      indicators: rhk.indicators.map((i) => ({
        aspect: i.aspect,
        text: i.text,
        value: i.targetValue === null ? null : Number(i.targetValue),
        unit: i.targetUnit,
        narrative: i.targetText,
      })),
    })),
  });
}

function importedFingerprint(plan: ImportedPlan): string {
  return fingerprint({
    establishedOn: plan.establishedOn,
    documentNumber: plan.documentNumber,
    rhks: plan.rhks.map((rhk) => ({
      kind: rhk.kind,
      text: rhk.text,
      perspective: rhk.perspective,
      leaderText: rhk.leaderText,
      indicators: rhk.indicators.map((i) => ({ aspect: i.aspect, text: i.text, value: i.target.value, unit: i.target.unit, narrative: i.target.text })),
    })),
  });
}

/** Writes (or leaves alone) one person's SKP; returns what happened and the version in force afterwards. */
export async function applyPlan(
  tx: Tx,
  input: { plan: ImportedPlan; employee: { id: string; position: string; agencyId: string }; raterId: string | null; now: Date; file: string },
): Promise<{ result: PlanResult; version: number; planId: string }> {
  const { plan, employee, now } = input;
  const inForce = await planInForce(tx, employee.id, plan.year);
  if (inForce && storedFingerprint(inForce) === importedFingerprint(plan)) {
    return { result: 'unchanged', version: inForce.version, planId: inForce.id };
  }
  const newest = await tx.plan.findFirst({ where: { employeeId: employee.id, year: plan.year }, orderBy: { version: 'desc' }, select: { version: true } });
  const version = (newest?.version ?? 0) + 1;
  const lineages = new Map(inForce?.resultExpectations.map((rhk) => [textKey(rhk.text), rhk.lineageId]) ?? []);
  const establishedOn = plan.establishedOn ? new Date(`${plan.establishedOn}T00:00:00Z`) : null;

  await tx.plan.updateMany({ where: { employeeId: employee.id, year: plan.year, periodEnd: null, supersededAt: null }, data: { supersededAt: now } });
  const created = await tx.plan.create({
    data: {
      employeeId: employee.id,
      raterId: input.raterId,
      year: plan.year,
      version,
      status: 'AGREED',
      source: 'IMPORT',
      positionTitle: employee.position,
      revisionReason: newest ? 'impor' : null,
      agreedAt: establishedOn ?? now,
      establishedOn,
      documentNumber: plan.documentNumber,
    },
  });
  for (const [position, rhk] of plan.rhks.entries()) {
    await tx.resultExpectation.create({
      data: {
        planId: created.id,
        lineageId: lineages.get(textKey(rhk.text)) ?? uuidv7(),
        kind: rhk.kind,
        text: rhk.text,
        position,
        leaderRhkId: rhk.leaderRhkId,
        perspective: rhk.perspective,
        indicators: {
          create: rhk.indicators.map((indicator, i) => ({
            aspect: indicator.aspect,
            text: indicator.text,
            targetValue: indicator.target.value,
            targetUnit: indicator.target.unit,
            targetText: indicator.target.text,
            position: i,
          })),
        },
      },
    });
  }
  await tx.auditLog.create({
    data: {
      agencyId: employee.agencyId,
      actorLabel: 'cli',
      action: 'plan.imported',
      entityType: 'Plan',
      entityId: created.id,
      details: {
        employeeId: employee.id,
        nip: plan.nip,
        year: plan.year,
        version,
        rhks: plan.rhks.length,
        establishedOn: plan.establishedOn,
        documentNumber: plan.documentNumber,
        file: input.file,
      },
    },
  });
  return { result: newest ? 'new_version' : 'created', version, planId: created.id };
}
