/**
 * Helpers every flow and command uses: the performance year, access checks that explain and
 * audit a refusal, and option lists of RHK.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type BeginResult, type FlowState, type Option, type StepDefinition } from '../conversation/flow.js';
import { paragraph, reply, type Reply } from '../conversation/reply.js';
import { PERMISSIONS, denialMessage, type Action } from '../domain/access.js';
import { localDate } from '../domain/time-zones.js';
import { botText } from '../i18n/bot.js';
import type { Denied } from '../services/access.js';
import type { Report } from '../services/people.js';

/** The performance year of `ctx.now` in the person's time zone (January–December). */
export function performanceYear(ctx: FlowContext): number {
  return localDate(ctx.now, ctx.me.timeZone).year;
}

/** A string a flow was started with (ids from buttons), or '' when absent. */
export function contextId(context: Record<string, unknown>, key: string): string {
  const value = context[key];
  return typeof value === 'string' ? value : '';
}

/** A one-paragraph reply. */
export function say(text: string): Reply {
  return reply([paragraph(text)]);
}

/** Null when `ctx.me` may take `action` about `targetId`; otherwise the refusal, already audited. */
export async function refusal(ctx: FlowContext, action: Action, targetId: string): Promise<Reply | null> {
  const decision = await ctx.read.decide(ctx.me, action, targetId);
  if (decision.allowed) return null;
  ctx.work.audit({
    agencyId: ctx.me.agencyId,
    actorId: ctx.me.id,
    action: 'access.denied',
    entityType: 'Employee',
    entityId: targetId,
    details: { attempted: action, reason: decision.reason },
  });
  return say(botText[ctx.me.locale].refused({ reason: denialMessage(decision.reason, action, ctx.me.locale) }));
}

/** The reply to a refusal by the access rules (already audited by the service). */
export function deniedReply(ctx: FlowContext, denied: Denied): Reply {
  return say(botText[ctx.me.locale].refused({ reason: denialMessage(denied.reason, denied.action, ctx.me.locale) }));
}

/** Audits an attempt that was refused for a reason other than a target person (e.g. no reports at all). */
export function refusedAttempt(ctx: FlowContext, action: Action, message: string, reason = 'NO_REPORTS'): Reply {
  ctx.work.audit({
    agencyId: ctx.me.agencyId,
    actorId: ctx.me.id,
    action: 'access.denied',
    entityType: 'Employee',
    entityId: ctx.me.id,
    details: { attempted: action, reason },
  });
  return say(message);
}

/** A `begin` for flows started by a button about one record: refused with the message `problem` finds, else started as is. */
export function beginUnless(problem: (ctx: FlowContext, context: Record<string, unknown>) => Promise<string | null>) {
  return async (ctx: FlowContext, context: Record<string, unknown>): Promise<BeginResult> => {
    const message = await problem(ctx, context);
    return message ? refuse(say(message)) : { ok: true, context };
  };
}

/** A BeginResult that refuses with `message`. */
export function refuse(message: Reply): BeginResult {
  return { ok: false, reply: message };
}

/** RHK of a plan as options, labelled with their text. */
export function rhkOptions(rhks: { id: string; text: string }[]): Option[] {
  return rhks.map((rhk) => ({ value: rhk.id, label: rhk.text }));
}

// Text shortening lives with the reply model (services use it too); flows keep importing it from here.
export { shorten } from '../conversation/reply.js';

/**
 * For a flow about one of my reports (`/umpanbalik Andi` names them in context.reportId): refused
 * when I may not do `action` for the named person, or when nobody is named and I have no reports.
 * Null when the flow may begin.
 */
export async function refusalAboutReport(ctx: FlowContext, context: Record<string, unknown>, action: Action): Promise<BeginResult | null> {
  const named = contextId(context, 'reportId');
  if (named) {
    const refused = await refusal(ctx, action, named);
    return refused ? refuse(refused) : null;
  }
  if ((await reportsFor(ctx, action)).length === 0) return refuse(refusedAttempt(ctx, action, botText[ctx.me.locale].noReports));
  return null;
}

/** The people I lead for whom I may take `action`: everyone for the dialogue, only those I rate (as PPK) for rating. */
export async function reportsFor(ctx: FlowContext, action: Action): Promise<Report[]> {
  const reports = await ctx.read.reportsOf(ctx.me);
  return PERMISSIONS[action].includes('SUPERVISOR') ? reports : reports.filter((report) => report.rater);
}

/**
 * The id and schema of every step choosing a report: `reportStep` and the flows with a report step
 * of their own (evaluation) spread it, so `reportIdOf` reads whichever the flow has.
 */
export const reportChoice = { id: 'report', schema: z.string() };

/** The report a flow is about: named when it was started (`/umpanbalik Andi`, a button), else chosen in the report step. */
export function reportIdOf(state: FlowState): string {
  return contextId(state.context, 'reportId') || (answerOf(state, reportChoice) ?? '');
}

/** That report's name, for prompts. */
export async function reportNameOf(ctx: FlowContext, state: FlowState): Promise<string> {
  const id = reportIdOf(state);
  return id ? (await ctx.read.employeeName(id)) : '';
}

/** The step choosing one of the people I lead for whom I may take `action`, skipped when the command named one. */
export function reportStep(action: Action, ask: (ctx: FlowContext) => string, label: (ctx: FlowContext, report: { name: string; acting: boolean }) => string = (_ctx, report) => report.name): StepDefinition<FlowContext> {
  return {
    ...reportChoice,
    kind: 'choice',
    when: (state) => !state.context['reportId'],
    prompt: (ctx) => ({ blocks: [paragraph(ask(ctx))] }),
    options: async (ctx) => (await reportsFor(ctx, action)).map((report) => ({ value: report.id, label: label(ctx, report) })),
  };
}
