/**
 * The "answer this record" flows – a response to an obstacle, the answer to a clarification
 * question, a reply to feedback, … – share one shape: a button starts it about one record; the
 * service says whether a response may still be written; one text step quotes the record; the
 * service saves the response (refusing if it no longer applies) and its events tell the other side.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type StepDefinition } from '../conversation/flow.js';
import type { Block, Reply } from '../conversation/reply.js';
import type { Locale } from '../i18n/catalogue.js';
import type { PersonRef } from '../services/events.js';
import type { Result } from '../services/result.js';
import { contextId, refuse } from './common.js';

export interface RecordResponse<V, R> {
  id: string;
  version: number;
  command: string;
  title(locale: Locale): string;
  /** The key of the record's id in the flow's context (set by the button). */
  recordKey: string;
  maxLength?: number;
  /** Whether `ctx.me` may still respond, with the record. */
  open(ctx: FlowContext, recordId: string): Promise<Result<V, R>>;
  /** The record quoted, and the question. */
  ask(ctx: FlowContext, record: V): Block[];
  /** Saves the response; refuses if it no longer applies. */
  save(ctx: FlowContext, recordId: string, text: string): Promise<Result<V, R>>;
  refusal(ctx: FlowContext, refusal: R): Reply;
  /** The replies after saving; `unreachable` are the people the bot could not tell. */
  done(ctx: FlowContext, record: V, unreachable: PersonRef[]): Reply[];
}

/** A flow that writes one response to one record. */
export function respondToRecord<V, R>(spec: RecordResponse<V, R>): FlowDefinition<FlowContext> {
  const recordId = (context: Record<string, unknown>) => contextId(context, spec.recordKey);
  const responseStep = {
    id: 'response',
    kind: 'text',
    maxLength: spec.maxLength ?? 2000,
    schema: z.string(),
    async prompt(ctx, state) {
      const opened = await spec.open(ctx, recordId(state.context));
      return { blocks: opened.ok ? spec.ask(ctx, opened.value) : spec.refusal(ctx, opened.refusal).blocks };
    },
  } satisfies StepDefinition<FlowContext>;
  return {
    id: spec.id,
    version: spec.version,
    command: spec.command,
    title: (locale) => spec.title(locale),
    async begin(ctx, context) {
      const opened = await spec.open(ctx, recordId(context));
      return opened.ok ? { ok: true, context } : refuse(spec.refusal(ctx, opened.refusal));
    },
    steps: [responseStep],
    async complete(ctx, state) {
      const saved = await spec.save(ctx, recordId(state.context), answerOf(state, responseStep) ?? '');
      if (!saved.ok) return [spec.refusal(ctx, saved.refusal)];
      return spec.done(ctx, saved.value, await ctx.notify(saved.events));
    },
  };
}
