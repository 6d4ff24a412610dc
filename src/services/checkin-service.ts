/**
 * The weekly check-in: one prompt per person and ISO week. /checkin answers this week's at any
 * time (made now when the fan-out has not made it yet); answering closes it once – a check-in
 * already answered, or closed at its deadline while the person was typing, is refused, and the
 * write is guarded. Progress told in a check-in joins the record (progress entries); an obstacle
 * told in it becomes an obstacle routed to the supervisor, as with /kendala.
 */
import { formatCivilDate } from '../domain/civil-date.js';
import { localDate } from '../domain/time-zones.js';
import type { CheckinStatus } from '../generated/prisma/enums.js';
import type { QuestionKey } from '../checkins/schedules.js';
import type { ObstacleService } from './obstacles.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** A check-in prompt as the rules need it. */
export interface PromptView {
  id: string;
  employeeId: string;
  status: CheckinStatus;
  /** The optional questions its schedule asks. */
  questions: QuestionKey[];
}

export interface CheckinStore {
  prompt(id: string): Promise<PromptView | null>;
  /** This week's prompt of the person, made (at commit) when there is none yet. */
  promptOfThisWeek(actor: Member): Promise<PromptView>;
  /** Guarded: only a pending prompt. */
  close(promptId: string, at: Date): void;
  insertAnswers(promptId: string, answers: CheckinAnswerInput[]): void;
  insertProgress(rows: { employeeId: string; rhkId: string; text: string; occurredOn: Date }[]): void;
}

/** One stored answer. */
export interface CheckinAnswerInput {
  questionKey: string;
  rhkId?: string;
  text?: string;
  value?: number;
}

export type CheckinRefusal = { code: 'NOT_FOUND' } | { code: 'ALREADY_ANSWERED' } | { code: 'CLOSED' };

export interface CheckinDependencies {
  checkins: CheckinStore;
  obstacles: ObstacleService;
  work: UnitOfWork;
}

/** The answers of one check-in as given. */
export interface CheckinAnswers {
  /** Progress per RHK, in the order asked (null: skipped). */
  progress: { rhkId: string; text: string | null }[];
  /** Progress in words, when the person has no plan. */
  progressFree: string | null;
  obstacle: string | null;
  support: string | null;
  mood: number | null;
}

export class CheckinService {
  constructor(private readonly deps: CheckinDependencies) {}

  /** This week's check-in of `actor`, made now if the weekly invitation has not made it. */
  thisWeek(actor: Member): Promise<PromptView> {
    return this.deps.checkins.promptOfThisWeek(actor);
  }

  /** Whether `actor` may still answer the prompt. */
  async open(actor: Member, promptId: string): Promise<Result<PromptView, CheckinRefusal>> {
    const prompt = await this.deps.checkins.prompt(promptId);
    if (!prompt || prompt.employeeId !== actor.id) return refused({ code: 'NOT_FOUND' });
    if (prompt.status === 'ANSWERED') return refused({ code: 'ALREADY_ANSWERED' });
    if (prompt.status !== 'PENDING') return refused({ code: 'CLOSED' });
    return ok(prompt);
  }

  /** Stores the answers and closes the week's check-in; an obstacle goes to the supervisor. */
  async answer(actor: Member, promptId: string, answers: CheckinAnswers): Promise<Result<{ forwardedTo: string | null }, CheckinRefusal>> {
    const { checkins, work } = this.deps;
    const open = await this.open(actor, promptId);
    if (!open.ok) return open;
    checkins.close(promptId, work.now);
    const today = new Date(`${formatCivilDate(localDate(work.now, actor.timeZone))}T00:00:00Z`);
    const stored: CheckinAnswerInput[] = [];
    const progress: { employeeId: string; rhkId: string; text: string; occurredOn: Date }[] = [];
    for (const { rhkId, text } of answers.progress) {
      if (!text) continue;
      stored.push({ questionKey: `progress:${rhkId}`, rhkId, text });
      // Progress told in a check-in is progress: it joins the record the evaluation is prepared from.
      progress.push({ employeeId: actor.id, rhkId, text, occurredOn: today });
    }
    if (answers.progressFree) stored.push({ questionKey: 'progress', text: answers.progressFree });
    if (answers.obstacle) stored.push({ questionKey: 'obstacle', text: answers.obstacle });
    if (answers.support) stored.push({ questionKey: 'support', text: answers.support });
    if (answers.mood) stored.push({ questionKey: 'mood', value: answers.mood });
    checkins.insertProgress(progress);
    checkins.insertAnswers(promptId, stored);
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'checkin.answered', entityType: 'CheckinPrompt', entityId: promptId });
    if (!answers.obstacle) return ok({ forwardedTo: null });
    const reported = await this.deps.obstacles.report(actor, { text: answers.obstacle, supportNeeded: answers.support, rhkId: null, source: 'CHECKIN', checkinPromptId: promptId });
    return ok({ forwardedTo: reported.value.supervisor?.name ?? null }, reported.events);
  }
}
