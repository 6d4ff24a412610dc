/**
 * /plt – HR (pengelola kinerja) sees the current and upcoming Plt/Plh of its scope, records a new
 * one (who acts, for which official, Plt or Plh, from–to, a note such as the SK number) or ends one
 * early. The steps check what they can as they go; the acting service decides again at the end with
 * the same rules as `acting add|end` at the CLI, and the people concerned are told.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type Option, type StepDefinition } from '../conversation/flow.js';
import { list, paragraph } from '../conversation/reply.js';
import { compareCivilDates, parseCivilDate, type CivilDate } from '../domain/civil-date.js';
import { actingText } from '../i18n/acting.js';
import { cmd } from '../i18n/command-names.js';
import type { ActingRefusal } from '../services/acting-service.js';
import type { ScopeAssignment, ScopePerson } from '../services/acting-store.js';
import { refuse, refusedAttempt, say } from './common.js';

const t = (ctx: FlowContext) => actingText[ctx.me.locale];

/** The action step's value for recording a new assignment (the others are assignment ids). */
const NEW = 'new';
/** Most people a search offers as buttons. */
const MAX_MATCHES = 10;

const civil = (date: string | null | undefined): CivilDate => parseCivilDate(date ?? '') ?? { year: 1970, month: 1, day: 1 };

const lineOf = (assignment: ScopeAssignment) => ({
  kind: assignment.kind,
  acting: assignment.acting.name,
  official: assignment.official.name,
  position: assignment.official.position,
  start: assignment.start,
  end: assignment.end,
  note: assignment.note,
});

const actionStep = {
  id: 'action',
  kind: 'choice',
  schema: z.string(),
  prompt: async (ctx) => {
    const assignments = await ctx.read.actingInScope(ctx.me);
    if (assignments.length === 0) return { blocks: [paragraph(t(ctx).listNone), paragraph(t(ctx).askAction)] };
    return { blocks: [paragraph(t(ctx).listTitle), list(assignments.map((a) => [t(ctx).line(lineOf(a))])), paragraph(t(ctx).askAction)] };
  },
  options: async (ctx) => [
    { value: NEW, label: t(ctx).optionNew },
    ...(await ctx.read.actingInScope(ctx.me)).map((a) => ({ value: a.id, label: t(ctx).optionEnd({ kind: a.kind, acting: a.acting.name, official: a.official.name }) })),
  ],
} satisfies StepDefinition<FlowContext>;

const recording = (state: FlowState) => answerOf(state, actionStep) === NEW;
const ending = (state: FlowState) => !recording(state);

/** People of HR's scope matching what was typed; the acting person must be active, an official may have left. */
function search(ctx: FlowContext, query: string, activeOnly: boolean): Promise<ScopePerson[]> {
  return ctx.read.peopleInScope(ctx.me, query, { activeOnly, limit: MAX_MATCHES });
}

const personOptions = (ctx: FlowContext, people: ScopePerson[]): Option[] => people.map((person) => ({ value: person.id, label: t(ctx).personLabel(person) }));

/** The steps choosing one person: typing a name or NIP, then picking among several matches (one match needs no pick). */
interface PersonSteps {
  query: StepDefinition<FlowContext> & { schema: z.ZodString };
  pick: StepDefinition<FlowContext> & { schema: z.ZodString };
  activeOnly: boolean;
}

function personSteps(role: 'acting' | 'official', activeOnly: boolean): PersonSteps {
  const query = {
    id: `${role}Query`,
    kind: 'text',
    maxLength: 100,
    schema: z.string(),
    when: recording,
    prompt: async (ctx, state) => ({ blocks: [paragraph(role === 'acting' ? t(ctx).askActing : t(ctx).askOfficial({ acting: await nameOf(ctx, state, actingPerson) }))] }),
    async validate(value, state, ctx) {
      const typed = value as string;
      const found = await search(ctx, typed, activeOnly);
      if (found.length === 0) return activeOnly ? t(ctx).noActiveMatch({ query: typed }) : t(ctx).noMatch({ query: typed });
      if (found.length > MAX_MATCHES) return t(ctx).tooMany({ query: typed });
      return found.length === 1 ? selfProblem(ctx, state, role, found[0]?.id ?? '') : null;
    },
  } satisfies StepDefinition<FlowContext>;
  const pick = {
    id: role,
    kind: 'choice',
    schema: z.string(),
    when: async (state, ctx) => recording(state) && (await search(ctx, answerOf(state, query) ?? '', activeOnly)).length > 1,
    prompt: (ctx) => ({ blocks: [paragraph(role === 'acting' ? t(ctx).pickActing : t(ctx).pickOfficial)] }),
    options: async (ctx, state) => personOptions(ctx, await search(ctx, answerOf(state, query) ?? '', activeOnly)),
    validate: (value, state, ctx) => selfProblem(ctx, state, role, value as string),
  } satisfies StepDefinition<FlowContext>;
  return { query, pick, activeOnly };
}

const actingPerson: PersonSteps = personSteps('acting', true);
const officialPerson: PersonSteps = personSteps('official', false);

/** The person chosen: picked among several, or the one match of what was typed ('' when the search no longer finds exactly one). */
async function chosen(ctx: FlowContext, state: FlowState, steps: PersonSteps): Promise<ScopePerson | null> {
  const found = await search(ctx, answerOf(state, steps.query) ?? '', steps.activeOnly);
  const picked = answerOf(state, steps.pick);
  if (picked) return found.find((person) => person.id === picked) ?? null;
  return found.length === 1 ? (found[0] ?? null) : null;
}

async function nameOf(ctx: FlowContext, state: FlowState, steps: PersonSteps): Promise<string> {
  return (await chosen(ctx, state, steps))?.name ?? '';
}

/** Nobody stands in for themselves: said when the official is chosen, not at the end. */
async function selfProblem(ctx: FlowContext, state: FlowState, role: 'acting' | 'official', id: string): Promise<string | null> {
  if (role !== 'official') return null;
  const acting = await chosen(ctx, state, actingPerson);
  return acting?.id === id ? t(ctx).SELF({ acting: acting.name, official: acting.name }) : null;
}

async function pairOf(ctx: FlowContext, state: FlowState) {
  const acting = await chosen(ctx, state, actingPerson);
  const official = await chosen(ctx, state, officialPerson);
  return { acting, official, names: { acting: acting?.name ?? '', official: official?.name ?? '' } };
}

const kindStep = {
  id: 'kind',
  kind: 'choice',
  schema: z.enum(['PLT', 'PLH']),
  when: recording,
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askKind((await pairOf(ctx, state)).names))] }),
  options: (ctx) => (['PLT', 'PLH'] as const).map((kind) => ({ value: kind, label: t(ctx)[`kind${kind}`] })),
} satisfies StepDefinition<FlowContext>;

const startStep = { id: 'start', kind: 'date', schema: z.string(), when: recording, prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askStart)] }) } satisfies StepDefinition<FlowContext>;

const endStep = {
  id: 'end',
  kind: 'date',
  schema: z.string(),
  when: recording,
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askEnd)] }),
  async validate(value, state, ctx) {
    // The whole rule now, so HR can fix the dates rather than learn it after confirming.
    const { acting, official, names } = await pairOf(ctx, state);
    if (!acting || !official) return null;
    const problem = await ctx.read.actingProblem({ actingId: acting.id, forId: official.id, start: civil(answerOf(state, startStep)), end: civil(value as string) });
    return problem ? t(ctx).fixDates({ problem: t(ctx).refused({ reason: t(ctx)[problem](names) }) }) : null;
  },
} satisfies StepDefinition<FlowContext>;

const noteStep = { id: 'note', kind: 'text', optional: true, maxLength: 200, schema: z.string(), when: recording, prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askNote)] }) } satisfies StepDefinition<FlowContext>;

async function summaryOf(ctx: FlowContext, state: FlowState) {
  const { official, names } = await pairOf(ctx, state);
  return {
    ...names,
    kind: (answerOf(state, kindStep) ?? 'PLT'),
    position: official?.position ?? '',
    start: answerOf(state, startStep) ?? '',
    end: answerOf(state, endStep) ?? '',
    note: answerOf(state, noteStep) ?? null,
  };
}

const confirmStep = {
  id: 'confirm',
  kind: 'confirm',
  schema: z.boolean(),
  when: recording,
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).confirm(await summaryOf(ctx, state)))] }),
} satisfies StepDefinition<FlowContext>;

/** The assignment chosen to end, as listed now (null when it has gone meanwhile). */
async function endingOf(ctx: FlowContext, state: FlowState): Promise<ScopeAssignment | null> {
  const id = answerOf(state, actionStep);
  return (await ctx.read.actingInScope(ctx.me)).find((a) => a.id === id) ?? null;
}

const endOnStep = {
  id: 'endOn',
  kind: 'date',
  schema: z.string(),
  when: ending,
  prompt: async (ctx, state) => {
    const assignment = await endingOf(ctx, state);
    return { blocks: [paragraph(assignment ? t(ctx).askEndOn(lineOf(assignment)) : t(ctx).NOT_FOUND)] };
  },
  async validate(value, state, ctx) {
    const assignment = await endingOf(ctx, state);
    if (!assignment) return t(ctx).NOT_FOUND;
    const on = civil(value as string);
    const outside = compareCivilDates(on, civil(assignment.start)) < 0 || compareCivilDates(on, civil(assignment.end)) > 0;
    return outside ? t(ctx).NOT_IN_FORCE(assignment) : null;
  },
} satisfies StepDefinition<FlowContext>;

const confirmEndStep = {
  id: 'confirmEnd',
  kind: 'confirm',
  schema: z.boolean(),
  when: ending,
  prompt: async (ctx, state) => {
    const assignment = await endingOf(ctx, state);
    const on = answerOf(state, endOnStep) ?? '';
    return { blocks: [paragraph(t(ctx).confirmEnd({ kind: assignment?.kind ?? 'PLT', acting: assignment?.acting.name ?? '', official: assignment?.official.name ?? '', on }))] };
  },
} satisfies StepDefinition<FlowContext>;

/** A refusal by the acting service, in words. */
function refusalText(ctx: FlowContext, refusal: ActingRefusal, names: { acting: string; official: string }): string {
  const text = t(ctx);
  switch (refusal.code) {
    case 'NOT_HR':
      return text.notHr;
    case 'NOT_FOUND':
      return text.refused({ reason: text.NOT_FOUND });
    case 'OUT_OF_SCOPE':
    case 'INACTIVE':
      return text.refused({ reason: text[refusal.code](refusal) });
    case 'NOT_IN_FORCE':
      return text.refused({ reason: text.NOT_IN_FORCE(refusal) });
    default:
      return text.refused({ reason: text[refusal.code](names) });
  }
}

/** Why a person or assignment chosen earlier is no longer found: HR lost its role, or they left its scope meanwhile. */
async function goneText(ctx: FlowContext) {
  if ((await ctx.read.hrRolesOf(ctx.me)).length === 0) return refusedAttempt(ctx, 'MANAGE_ORGANISATION', t(ctx).notHr, 'NOT_HR');
  return say(t(ctx).refused({ reason: t(ctx).NOT_FOUND }));
}

async function record(ctx: FlowContext, state: FlowState) {
  if (!answerOf(state, confirmStep)) return [say(t(ctx).notSaved)];
  const { acting, official, names } = await pairOf(ctx, state);
  // Searched again in HR's scope as it is now (a second match may have appeared, too).
  if (!acting || !official) return [await goneText(ctx)];
  const summary = await summaryOf(ctx, state);
  const recorded = await ctx.services.acting.record(
    { member: ctx.me },
    { actingId: acting.id, forId: official.id, kind: summary.kind, start: civil(summary.start), end: civil(summary.end), note: summary.note },
  );
  if (!recorded.ok) return [say(refusalText(ctx, recorded.refusal, names))];
  await ctx.notify(recorded.events);
  return [say(t(ctx).saved(summary))];
}

async function end(ctx: FlowContext, state: FlowState) {
  const assignment = await endingOf(ctx, state);
  if (!answerOf(state, confirmEndStep)) return [say(t(ctx).notEnded)];
  if (!assignment) return [await goneText(ctx)];
  const names = { acting: assignment.acting.name, official: assignment.official.name };
  const ended = await ctx.services.acting.end({ member: ctx.me }, { id: assignment.id, on: civil(answerOf(state, endOnStep)) });
  if (!ended.ok) return [say(refusalText(ctx, ended.refusal, names))];
  await ctx.notify(ended.events);
  return [say(t(ctx).ended({ ...names, kind: assignment.kind, on: ended.value.end }))];
}

export const actingFlow: FlowDefinition<FlowContext> = {
  id: 'acting',
  version: 1,
  command: cmd('plt'),
  title: (locale) => actingText[locale].title,
  async begin(ctx, context) {
    if ((await ctx.read.hrRolesOf(ctx.me)).length === 0) return refuse(refusedAttempt(ctx, 'MANAGE_ORGANISATION', t(ctx).notHr, 'NOT_HR'));
    return { ok: true, context };
  },
  steps: [
    actionStep,
    actingPerson.query,
    actingPerson.pick,
    officialPerson.query,
    officialPerson.pick,
    kindStep,
    startStep,
    endStep,
    noteStep,
    confirmStep,
    endOnStep,
    confirmEndStep,
  ],
  // The service checks HR's role and scope again: they may have changed while HR was choosing.
  complete: (ctx, state) => (recording(state) ? record(ctx, state) : end(ctx, state)),
};
