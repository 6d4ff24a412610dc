/**
 * Runs flows for people. Every answer is stored as it arrives (SessionStore), so a restart resumes
 * the person at the same step; invalid input is refused with a specific message and the same
 * question; /kembali, /batal and /bantuan work at every step; idle and outdated sessions end
 * politely; side effects happen once, when the flow completes, inside the caller's transaction.
 * Results are values (started, advanced, invalid, completed …), never exceptions.
 */
import { localDate } from '../domain/time-zones.js';
import { formatNumber } from '../i18n/catalogue.js';
import { cmd } from '../i18n/command-names.js';
import { conversationText } from '../i18n/conversation.js';
import type { EngineContext, FlowDefinition, FlowState, Option, RawInput, SessionRecord, StepDefinition } from './flow.js';
import { DEFAULT_MAX_TEXT, parseInput, SKIP_VALUE, type InputError } from './inputs.js';
import { italic, paragraph, reply, type Block, type Button, type Question, type Reply } from './reply.js';

/** What happened to a person's input. */
export type OutcomeStatus =
  | 'started'
  | 'advanced'
  | 'invalid'
  | 'completed'
  | 'cancelled'
  | 'expired'
  | 'ended'
  | 'busy'
  | 'refused'
  | 'stale'
  | 'none';

export interface Outcome {
  status: OutcomeStatus;
  replies: Reply[];
  /** For 'invalid': what is wrong with the answer (also in the replies), for forms that show it by the field. */
  problem?: string;
}

/** Labels longer than this are listed in the text and the buttons carry only their numbers. */
const LONG_LABEL = 28;
const NUMBER_BUTTONS_PER_ROW = 5;

export class ConversationEngine<C extends EngineContext> {
  private readonly flows: Map<string, FlowDefinition<C>>;

  constructor(
    flows: FlowDefinition<C>[],
    private readonly options: { idleMs: number },
  ) {
    this.flows = new Map(flows.map((flow) => [flow.id, flow]));
  }

  /** The flow with this id, if the engine knows it. */
  flow(id: string): FlowDefinition<C> | undefined {
    return this.flows.get(id);
  }

  /** Starts a flow; when another is active, asks first unless `replace` is set. */
  async start(ctx: C, flowId: string, context: Record<string, unknown> = {}, options: { replace?: boolean } = {}): Promise<Outcome> {
    const flow = this.flows.get(flowId);
    if (!flow) throw new Error(`unknown flow ${flowId}`);
    const current = await this.active(ctx);
    const before = current?.ended ? current.ended.replies : [];
    if (current?.session && current.flow) {
      if (!options.replace) return this.busy(ctx, current.flow, flow, context);
      await ctx.sessions.delete(ctx.person.id);
    }
    const begun = await flow.begin(ctx, context);
    if (!begun.ok) return { status: 'refused', replies: [...before, begun.reply] };
    const state: FlowState = { entries: [], context: begun.context };
    const first = await this.following(ctx, flow, -1, state);
    if (first === null) return this.complete(ctx, flow, state, before);
    const session = await ctx.sessions.save(this.record(ctx, flow, first, state));
    return { status: 'started', replies: [...before, await this.prompt(ctx, flow, session)] };
  }

  /** Handles typed text, a file or an unsupported message for the person's active step. */
  async input(ctx: C, input: RawInput): Promise<Outcome> {
    const current = await this.active(ctx);
    if (!current) return { status: 'none', replies: [] };
    if (current.ended) return current.ended;
    return this.answer(ctx, current.flow, current.session, input);
  }

  /** Handles a button that answers a step; a button of an earlier step or session is stale. */
  async answerButton(ctx: C, pressed: { sessionId: string; step: string; value: string }): Promise<Outcome> {
    const current = await this.active(ctx);
    if (current?.ended) return current.ended;
    if (!current || current.session.id !== pressed.sessionId || current.session.step !== pressed.step) {
      return { status: 'stale', replies: [reply([paragraph(conversationText[ctx.person.locale].staleButton)])] };
    }
    return this.answer(ctx, current.flow, current.session, { type: 'choice', value: pressed.value });
  }

  /** /kembali: forgets the last answer and asks that step again. */
  async back(ctx: C): Promise<Outcome> {
    const t = conversationText[ctx.person.locale];
    const current = await this.active(ctx);
    if (!current) return { status: 'none', replies: [reply([paragraph(t.nothingToGoBack)])] };
    if (current.ended) return current.ended;
    const { flow, session } = current;
    const last = session.state.entries.at(-1);
    if (!last) return { status: 'advanced', replies: [this.withNote(t.atFirstStep, await this.prompt(ctx, flow, session))] };
    const state = { ...session.state, entries: session.state.entries.slice(0, -1) };
    const saved = await ctx.sessions.save(this.record(ctx, flow, last.step, state));
    return { status: 'advanced', replies: [await this.prompt(ctx, flow, saved)] };
  }

  /** /batal: ends the active flow without saving anything. */
  async cancel(ctx: C): Promise<Outcome> {
    const t = conversationText[ctx.person.locale];
    const current = await this.active(ctx);
    if (!current) return { status: 'none', replies: [reply([paragraph(t.nothingToCancel)])] };
    if (current.ended) return current.ended;
    await ctx.sessions.delete(ctx.person.id);
    return { status: 'cancelled', replies: [reply([paragraph(t.cancelled({ title: current.flow.title(ctx.person.locale) }))])] };
  }

  /** Asks the current question again, with a reminder of where the person is (for /bantuan and "resume"). */
  async remind(ctx: C): Promise<Outcome> {
    const current = await this.active(ctx);
    if (!current) return { status: 'none', replies: [] };
    if (current.ended) return current.ended;
    const note = conversationText[ctx.person.locale].stepHelp({ title: current.flow.title(ctx.person.locale) });
    return { status: 'advanced', replies: [this.withNote(note, await this.prompt(ctx, current.flow, current.session))] };
  }

  /** The person's active session, if any; ends it (with its message) when idle too long or outdated. */
  async active(ctx: C): Promise<
    { session: SessionRecord; flow: FlowDefinition<C>; ended?: undefined } | { ended: Outcome; session?: undefined; flow?: undefined } | null
  > {
    const session = await ctx.sessions.get(ctx.person.id);
    if (!session) return null;
    const t = conversationText[ctx.person.locale];
    const flow = this.flows.get(session.flow);
    if (!flow || flow.version !== session.flowVersion || !this.stateIsValid(flow, session)) {
      await ctx.sessions.delete(ctx.person.id);
      const title = flow?.title(ctx.person.locale) ?? session.flow;
      const text = t.versionChanged({ title, command: flow?.command ?? cmd('bantuan') });
      return { ended: { status: 'ended', replies: [reply([paragraph(text)])] } };
    }
    if (session.expiresAt.getTime() <= ctx.now.getTime()) {
      await ctx.sessions.delete(ctx.person.id);
      const hours = Math.max(1, Math.round(this.options.idleMs / 3_600_000));
      const text = t.expired({ title: flow.title(ctx.person.locale), hours, command: flow.command });
      return { ended: { status: 'expired', replies: [reply([paragraph(text)])] } };
    }
    return { session, flow };
  }

  private async answer(ctx: C, flow: FlowDefinition<C>, session: SessionRecord, input: RawInput): Promise<Outcome> {
    const step = this.step(flow, session.step);
    const options = step.options ? await step.options(ctx, session.state) : [];
    const parsed = parseInput(input, {
      kind: step.kind,
      optional: step.optional ?? false,
      options,
      maxLength: step.maxLength ?? DEFAULT_MAX_TEXT,
      parse: step.parse,
      locale: ctx.person.locale,
      today: localDate(ctx.now, ctx.person.timeZone),
    });
    const checked = parsed.ok && (parsed.value === null || step.schema.safeParse(parsed.value).success);
    const problem = parsed.ok && checked && parsed.value !== null && step.validate ? await step.validate(parsed.value, session.state, ctx) : null;
    if (!parsed.ok || !checked || problem) {
      const error: InputError = problem ? { code: 'CUSTOM', message: problem } : parsed.ok ? { code: 'INVALID' } : parsed.error;
      const saved = await ctx.sessions.save(this.record(ctx, flow, session.step, session.state));
      const described = this.describe(error, ctx);
      return { status: 'invalid', problem: described, replies: [this.withNote(described, await this.prompt(ctx, flow, saved), true)] };
    }
    const state: FlowState = { ...session.state, entries: [...session.state.entries, { step: step.id, value: parsed.value }] };
    const index = flow.steps.indexOf(step);
    const chosen = step.next?.(state);
    const next = chosen === undefined ? await this.following(ctx, flow, index, state) : chosen;
    if (next === null) return this.complete(ctx, flow, state, []);
    const saved = await ctx.sessions.save(this.record(ctx, flow, next, state));
    return { status: 'advanced', replies: [await this.prompt(ctx, flow, saved)] };
  }

  private async complete(ctx: C, flow: FlowDefinition<C>, state: FlowState, before: Reply[]): Promise<Outcome> {
    const replies = await flow.complete(ctx, state);
    await ctx.sessions.delete(ctx.person.id);
    return { status: 'completed', replies: [...before, ...replies] };
  }

  private async busy(ctx: C, current: FlowDefinition<C>, next: FlowDefinition<C>, context: Record<string, unknown>): Promise<Outcome> {
    const t = conversationText[ctx.person.locale];
    const locale = ctx.person.locale;
    const buttons = [
      [await ctx.button(t.abandon, { kind: 'abandon-and-start', flow: next.id, context })],
      [await ctx.button(t.resume, { kind: 'resume' })],
    ];
    return { status: 'busy', replies: [reply([paragraph(t.busy({ current: current.title(locale), next: next.title(locale) }))], buttons)] };
  }

  /** The first step after `index` whose condition holds, or null at the end. */
  private async following(ctx: C, flow: FlowDefinition<C>, index: number, state: FlowState): Promise<string | null> {
    for (const step of flow.steps.slice(index + 1)) {
      if (!step.when || (await step.when(state, ctx))) return step.id;
    }
    return null;
  }

  private step(flow: FlowDefinition<C>, id: string): StepDefinition<C> {
    const step = flow.steps.find((candidate) => candidate.id === id);
    if (!step) throw new Error(`flow ${flow.id} has no step ${id}`);
    return step;
  }

  /** Stored answers must still fit the flow's steps (guards against hand-edited or corrupted rows). */
  private stateIsValid(flow: FlowDefinition<C>, session: SessionRecord): boolean {
    if (!flow.steps.some((step) => step.id === session.step)) return false;
    return session.state.entries.every((entry) => {
      const step = flow.steps.find((candidate) => candidate.id === entry.step);
      return !!step && (entry.value === null ? !!step.optional : step.schema.safeParse(entry.value).success);
    });
  }

  private record(ctx: C, flow: FlowDefinition<C>, step: string, state: FlowState): Omit<SessionRecord, 'id'> {
    return {
      employeeId: ctx.person.id,
      flow: flow.id,
      flowVersion: flow.version,
      step,
      state,
      expiresAt: new Date(ctx.now.getTime() + this.options.idleMs),
    };
  }

  private describe(error: InputError, ctx: C): string {
    const t = conversationText[ctx.person.locale];
    switch (error.code) {
      case 'CUSTOM':
        return error.message;
      case 'TOO_LONG':
        return t.TOO_LONG({ max: formatNumber(error.max, ctx.person.locale), length: formatNumber(error.length, ctx.person.locale) });
      case 'NOT_AN_OPTION':
        return t.NOT_AN_OPTION(error);
      default:
        return t[error.code];
    }
  }

  private withNote(note: string, prompt: Reply, warning = false): Reply {
    return { ...prompt, blocks: [paragraph(warning ? `⚠️ ${note}` : note), ...prompt.blocks] };
  }

  /** The step's question: the node that says what it asks, and the buttons its kind needs (the fallback every channel can show). */
  private async prompt(ctx: C, flow: FlowDefinition<C>, session: SessionRecord): Promise<Reply> {
    const t = conversationText[ctx.person.locale];
    const step = this.step(flow, session.step);
    const prompt = await step.prompt(ctx, session.state);
    const blocks: Block[] = [...prompt.blocks];
    const buttons: Button[][] = [];
    const answer = (label: string, value: string) =>
      ctx.button(label, { kind: 'answer', sessionId: session.id, step: step.id, value });
    const hints: string[] = [];
    const optional = step.optional ?? false;
    let question: Question;

    if (step.kind === 'choice') {
      const options = step.options ? await step.options(ctx, session.state) : [];
      const numbered = options.some((option) => option.label.length > LONG_LABEL);
      if (numbered) blocks.push(numberedList(options));
      const choices = await this.choices(options, answer);
      buttons.push(...choiceButtons(choices, numbered));
      question = { kind: 'choice', options: choices, numbered, optional };
      hints.push(t.hintChoice);
    } else if (step.kind === 'multi') {
      const options = step.options ? await step.options(ctx, session.state) : [];
      blocks.push(numberedList(options));
      const all = await answer(t.all, 'all');
      const none = await answer(t.none, 'none');
      buttons.push([all, none]);
      question = { kind: 'multi', options: options.map((option) => option.label), all: all.token, none: none.token, optional };
      hints.push(t.hintMulti);
    } else if (step.kind === 'confirm') {
      const choices = [await answer(t.yes, 'yes'), await answer(t.no, 'no')];
      buttons.push(choices);
      question = { kind: 'confirm', options: choices, numbered: false, optional };
    } else if (step.kind === 'rating') {
      const scale: Button[] = [];
      for (const value of ['1', '2', '3', '4', '5']) scale.push(await answer(value, value));
      buttons.push(scale);
      question = { kind: 'rating', options: scale, numbered: false, optional };
    } else {
      if (step.kind === 'file') hints.push(t.hintFile);
      question = { kind: step.kind, optional, ...(step.kind === 'text' ? { maxLength: step.maxLength ?? DEFAULT_MAX_TEXT } : {}) };
    }
    if (optional) {
      const skip = await answer(t.skip, SKIP_VALUE);
      buttons.push([skip]);
      question.skip = skip.token;
      hints.push(t.hintOptional);
    }
    if (hints.length > 0) blocks.push(paragraph(italic(hints.join(' '))));
    return reply(blocks, [...buttons, ...(prompt.buttons ?? [])], { expectsFile: step.kind === 'file', question });
  }

  /** One button per option, full label and token. Minted one at a time: minting writes to the event's transaction (one connection). */
  private async choices(options: Option[], answer: (label: string, value: string) => Promise<Button>): Promise<Button[]> {
    const buttons: Button[] = [];
    for (const option of options) buttons.push(await answer(option.label, option.value));
    return buttons;
  }
}

/** The options as a numbered list, for labels too long for buttons. */
function numberedList(options: Option[]): Block {
  return { type: 'list', ordered: true, items: options.map((option) => [{ type: 'text', text: option.label }]) };
}

/** Short options become a labelled button each; long ones number buttons, several to a row (same tokens). */
function choiceButtons(choices: Button[], numbered: boolean): Button[][] {
  if (!numbered) return choices.map((choice) => [choice]);
  const rows: Button[][] = [];
  for (let i = 0; i < choices.length; i += NUMBER_BUTTONS_PER_ROW) {
    rows.push(choices.slice(i, i + NUMBER_BUTTONS_PER_ROW).map((choice, j) => ({ label: String(i + j + 1), token: choice.token })));
  }
  return rows;
}
