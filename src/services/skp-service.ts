/**
 * The employee's side of the SKP, as in e-Kinerja: the employee drafts their own SKP (/susunskp)
 * with its lampiran and submits it to their Pejabat Penilai Kinerja, who establishes it
 * (*Tetapkan*) or sends it back with a note. When the PPK is an official outside the bot (a
 * Gubernur for a Kepala Dinas), HR records the penetapan on their behalf with the document's
 * number and date, audited as recorded by HR for that official. Who the PPK is comes from
 * domain/ppk.ts; every status write is guarded, so a second press or a stale button changes nothing.
 */
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import type { Member } from './people.js';
import type { PlanRecord, PlanStore } from './plan-service.js';
import type { BehaviourDraft, Lampiran, RhkDraft } from './plans.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** An official outside the bot, as messages name them. */
export interface ExternalOfficialRef {
  id: string;
  name: string;
  title: string;
}

/** Who establishes an employee's SKP: their PPK in the bot, or the official outside it. */
export interface Establisher {
  ppk: PersonRef | null;
  external: ExternalOfficialRef | null;
}

/** A penetapan recorded by HR for an official outside the bot. */
export interface RecordedDecision {
  documentNumber: string;
  /** "YYYY-MM-DD". */
  decidedOn: string;
}

export interface SkpStore {
  plans: PlanStore;
  establisher(employeeId: string): Promise<Establisher>;
  /** Guarded: only a submitted, current version. Every other version of the year is superseded. */
  establish(plan: { id: string; employeeId: string; year: number }, by: { byId: string | null; raterId: string | null; at: Date; recorded?: RecordedDecision & { officialId: string } }): void;
  /** Guarded: only a submitted, current version. */
  sendBack(planId: string, note: string): void;
}

export type SkpRefusal =
  | { code: 'NO_PPK' }
  | { code: 'PPK_PLAN_MISSING'; ppk: string; year: number }
  | { code: 'LEADER_RHK_CHANGED' }
  | { code: 'NOT_SUBMITTED' }
  | { code: 'PPK_IN_BOT'; ppk: string }
  /** A JPT's RHK each need their perspektif; nobody else's have one. */
  | { code: 'PERSPECTIVE'; jpt: boolean }
  | Denied;

export interface SkpDependencies {
  skp: SkpStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

/** What the drafting flow needs: who establishes, and the PPK's RHK each new RHK supports (none when the PPK is outside the bot). */
export interface DraftBasis extends Establisher {
  leaderRhks: { id: string; text: string }[];
}

export class SkpService {
  constructor(private readonly deps: SkpDependencies) {}

  /** Whether `actor` may draft their own SKP for `year`: someone must establish it, and a PPK in the bot must have their own SKP established. */
  async mayDraft(actor: Member, year: number): Promise<Result<DraftBasis, SkpRefusal>> {
    const denied = await authorise(this.deps.access, this.deps.work, actor, 'DRAFT_OWN_PLAN', actor.id);
    if (denied) return refused(denied);
    const establisher = await this.deps.skp.establisher(actor.id);
    if (establisher.ppk) {
      const leaderRhks = await this.deps.skp.plans.agreedRhks(establisher.ppk.id, year);
      return leaderRhks ? ok({ ...establisher, leaderRhks }) : refused({ code: 'PPK_PLAN_MISSING', ppk: establisher.ppk.name, year });
    }
    // The head's RHK come from the Perjanjian Kinerja; there is no leader's RHK inside the bot.
    return establisher.external ? ok({ ...establisher, leaderRhks: [] }) : refused({ code: 'NO_PPK' });
  }

  /** The employee submits a new version with its lampiran; it waits for the PPK's penetapan. */
  async submit(actor: Member, input: { year: number; rhks: RhkDraft[]; behaviours: BehaviourDraft[]; lampiran: Lampiran }): Promise<Result<PlanRecord, SkpRefusal>> {
    const basis = await this.mayDraft(actor, input.year);
    if (!basis.ok) return basis;
    const leaderIds = new Set(basis.value.leaderRhks.map((rhk) => rhk.id));
    const aligned = (rhk: RhkDraft) => (leaderIds.size === 0 ? rhk.leaderRhkId === null : rhk.leaderRhkId !== null && leaderIds.has(rhk.leaderRhkId));
    if (!input.rhks.every(aligned)) return refused({ code: 'LEADER_RHK_CHANGED' });
    const { plans } = this.deps.skp;
    const employee = await plans.employee(actor.id);
    const jpt = employee?.positionType === 'JPT';
    if (!input.rhks.every((rhk) => (jpt ? !!rhk.perspective : !rhk.perspective))) return refused({ code: 'PERSPECTIVE', jpt });
    const latest = await plans.latest(actor.id, input.year);
    const id = this.deps.newId();
    const version = (await plans.lastVersion(actor.id, input.year)) + 1;
    const ppk = basis.value.ppk;
    plans.propose({ id, employeeId: actor.id, raterId: ppk?.id ?? null, year: input.year, version, positionTitle: employee?.position ?? actor.position, rhks: input.rhks, behaviours: input.behaviours, revision: !!latest, status: 'SUBMITTED', lampiran: input.lampiran });
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'plan.submitted', entityType: 'Plan', entityId: id, details: { year: input.year, version, rhks: input.rhks.length } });
    const leaderTexts = new Map(basis.value.leaderRhks.map((rhk) => [rhk.id, rhk.text]));
    const plan: PlanRecord = {
      content: {
        id,
        employeeId: actor.id,
        employeeName: actor.name,
        year: input.year,
        version,
        status: 'SUBMITTED',
        rhks: input.rhks.map((rhk) => ({ ...rhk, leaderText: rhk.leaderRhkId ? (leaderTexts.get(rhk.leaderRhkId) ?? null) : null })),
        behaviours: input.behaviours,
        lampiran: input.lampiran,
      },
      supersededAt: null,
      newest: true,
      employee: personOf(actor),
      rater: ppk,
    };
    return ok(plan, [{ type: 'plan.submitted', plan, ppk, external: basis.value.external }]);
  }

  /** Whether `actor` may still establish or send back this version, with it. */
  async openForPenetapan(actor: Member, planId: string): Promise<Result<PlanRecord, SkpRefusal>> {
    const plan = await this.deps.skp.plans.byId(planId);
    if (!plan) return refused({ code: 'NOT_SUBMITTED' });
    const denied = await authorise(this.deps.access, this.deps.work, actor, 'ESTABLISH_PLAN', plan.employee.id);
    if (denied) return refused(denied);
    return isSubmitted(plan) ? ok(plan) : refused({ code: 'NOT_SUBMITTED' });
  }

  /** The PPK (or their Plt/Plh) establishes the submitted version: it is locked and becomes the SKP in force. */
  async establish(actor: Member, planId: string): Promise<Result<PlanRecord, SkpRefusal>> {
    const open = await this.openForPenetapan(actor, planId);
    if (!open.ok) return open;
    const { content } = open.value;
    this.deps.skp.establish({ id: content.id, employeeId: content.employeeId, year: content.year }, { byId: actor.id, raterId: actor.id, at: this.deps.work.now });
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'plan.established', entityType: 'Plan', entityId: content.id, details: { version: content.version } });
    const plan: PlanRecord = { ...open.value, content: { ...content, status: 'AGREED' }, rater: personOf(actor) };
    return ok(plan, [{ type: 'plan.established', plan, by: personOf(actor), recordedFor: null }]);
  }

  /** The PPK sends the submitted version back with a note; the employee drafts a new one. */
  async sendBack(actor: Member, planId: string, note: string): Promise<Result<PlanRecord, SkpRefusal>> {
    const open = await this.openForPenetapan(actor, planId);
    if (!open.ok) return open;
    const { content } = open.value;
    this.deps.skp.sendBack(content.id, note);
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'plan.returned', entityType: 'Plan', entityId: content.id, details: { version: content.version } });
    const plan: PlanRecord = { ...open.value, content: { ...content, status: 'RETURNED' } };
    return ok(plan, [{ type: 'plan.returned', plan, note, by: personOf(actor) }]);
  }

  /** Whether HR may record the penetapan of this version for the official outside the bot, with the plan and the official. */
  async openForRecording(actor: Member | 'cli', planId: string): Promise<Result<{ plan: PlanRecord; official: ExternalOfficialRef }, SkpRefusal>> {
    const plan = await this.deps.skp.plans.byId(planId);
    if (!plan) return refused({ code: 'NOT_SUBMITTED' });
    // HR at the CLI is trusted as every CLI command is; in chat the access rules decide.
    const denied = actor === 'cli' ? null : await authorise(this.deps.access, this.deps.work, actor, 'RECORD_FOR_OFFICIAL', plan.employee.id);
    if (denied) return refused(denied);
    if (!isSubmitted(plan)) return refused({ code: 'NOT_SUBMITTED' });
    const establisher = await this.deps.skp.establisher(plan.employee.id);
    // HR never decides in place of a PPK who can press the button themselves.
    if (establisher.ppk) return refused({ code: 'PPK_IN_BOT', ppk: establisher.ppk.name });
    return establisher.external ? ok({ plan, official: establisher.external }) : refused({ code: 'NO_PPK' });
  }

  /** HR (in chat, or 'cli') records the official's penetapan, with the document's number and date. */
  async recordForOfficial(actor: Member | 'cli', planId: string, decision: RecordedDecision): Promise<Result<PlanRecord, SkpRefusal>> {
    const open = await this.openForRecording(actor, planId);
    if (!open.ok) return open;
    const { plan, official } = open.value;
    const { content } = plan;
    const byId = actor === 'cli' ? null : actor.id;
    this.deps.skp.establish({ id: content.id, employeeId: content.employeeId, year: content.year }, { byId, raterId: null, at: this.deps.work.now, recorded: { ...decision, officialId: official.id } });
    this.deps.work.audit({
      agencyId: actor === 'cli' ? null : actor.agencyId,
      ...(actor === 'cli' ? { actorLabel: 'cli' } : { actorId: actor.id }),
      action: 'plan.established',
      entityType: 'Plan',
      entityId: content.id,
      details: { version: content.version, recordedByHrFor: `${official.name}, ${official.title}`, documentNumber: decision.documentNumber, decidedOn: decision.decidedOn },
    });
    const established: PlanRecord = { ...plan, content: { ...content, status: 'AGREED' } };
    return ok(established, [{ type: 'plan.established', plan: established, by: actor === 'cli' ? null : personOf(actor), recordedFor: official }]);
  }
}

/** True when the version is the newest and waits for penetapan. */
export function isSubmitted(plan: PlanRecord): boolean {
  return plan.newest && !plan.supersededAt && plan.content.status === 'SUBMITTED';
}
