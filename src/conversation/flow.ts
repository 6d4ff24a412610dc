/**
 * Flows are data: an ordered set of steps, each with a prompt, an input kind and a zod schema for
 * the value it stores, plus what happens when the flow completes. The engine (engine.ts) runs
 * them; nothing here knows about a platform or a database.
 */
import type { z } from 'zod';
import type { Locale } from '../i18n/catalogue.js';
import type { Block, Button, InputKind, Reply } from './reply.js';

export type { InputKind } from './reply.js';

/** A file or link a person sent as evidence; the bytes stay on the platform. */
export interface FileRef {
  kind: 'FILE' | 'PHOTO' | 'LINK';
  url?: string;
  externalFileId?: string;
  fileName?: string;
  mimeType?: string;
  sizeBytes?: number;
}

/** What a person sent, already normalised by the channel. */
export type RawInput =
  | { type: 'text'; text: string }
  /** A button press that carried a value for the current step. */
  | { type: 'choice'; value: string }
  | { type: 'file'; file: FileRef }
  /** Stickers, voice notes, locations…: nothing the bot can read as an answer. */
  | { type: 'unsupported' };

/** One selectable option of a choice or multi-choice step. */
export interface Option {
  value: string;
  label: string;
}

/** One stored answer. `value` is what the step's schema accepted (null for a skipped optional step). */
export interface Entry {
  step: string;
  value: unknown;
}

/** A flow's progress: the answers in the order given, and what the flow was started with. */
export interface FlowState {
  entries: Entry[];
  context: Record<string, unknown>;
}

/** The last answer given to `step`, if any. */
export function lastAnswer<T = unknown>(state: FlowState, step: string): T | undefined {
  for (let i = state.entries.length - 1; i >= 0; i--) {
    const entry = state.entries[i];
    if (entry?.step === step) return entry.value as T;
  }
  return undefined;
}

/** The last answer to `step`, typed by the step's schema (a skipped optional step gives null). */
export function answerOf<S extends z.ZodType>(state: FlowState, step: { id: string; schema: S }): z.infer<S> | null | undefined {
  return lastAnswer<z.infer<S> | null>(state, step.id);
}

/** Every answer to `step`, oldest first, typed by the step's schema. */
export function answersOf<S extends z.ZodType>(state: FlowState, step: { id: string; schema: S }): (z.infer<S> | null)[] {
  return allAnswers<z.infer<S> | null>(state, step.id);
}

/**
 * A loop: `body` is asked, then `again` (a yes/no step); yes asks `body` once more from its first
 * step, no goes on with the step after the loop. Loops nest (an RHK's indicators inside the RHK
 * list). The answers keep their step ids, so sessions stored before a flow used `repeat` resume
 * unchanged. `again` must not have a `next` of its own.
 */
export function repeat<C extends EngineContext>(body: StepDefinition<C>[], again: StepDefinition<C>): StepDefinition<C>[] {
  const first = body[0];
  if (!first) throw new Error(`repeat(${again.id}): the loop has no steps`);
  if (again.kind !== 'confirm' || again.next) throw new Error(`repeat(${again.id}): the loop's question must be a yes/no step without its own next`);
  return [...body, { ...again, next: (state) => (lastAnswer(state, again.id) === true ? first.id : undefined) }];
}

/** Every answer to `step`, oldest first (for steps a flow loops over). */
export function allAnswers<T = unknown>(state: FlowState, step: string): T[] {
  return state.entries.filter((entry) => entry.step === step).map((entry) => entry.value as T);
}

/** A person's active conversation as stored. */
export interface SessionRecord {
  id: string;
  employeeId: string;
  flow: string;
  flowVersion: number;
  step: string;
  state: FlowState;
  expiresAt: Date;
}

/** Where sessions live (one per person); bound to the current transaction by the caller. */
export interface SessionStore {
  get(employeeId: string): Promise<SessionRecord | null>;
  /** Creates or replaces the person's session. */
  save(session: Omit<SessionRecord, 'id'>): Promise<SessionRecord>;
  delete(employeeId: string): Promise<void>;
}

/** What every flow callback receives: who is talking, in which language, and a way to make buttons. */
export interface EngineContext {
  person: { id: string; locale: Locale; timeZone: string };
  now: Date;
  sessions: SessionStore;
  /** Makes a button whose press carries `payload` back to the bot (payloads live server-side). */
  button(label: string, payload: ActionPayload): Promise<Button>;
}

/** What pressing a button means. Stored server-side; the platform only sees a short token. */
export type ActionPayload =
  | { kind: 'answer'; sessionId: string; step: string; value: string }
  | { kind: 'start'; flow: string; context: Record<string, unknown> }
  | { kind: 'abandon-and-start'; flow: string; context: Record<string, unknown> }
  | { kind: 'resume' }
  | { kind: 'action'; name: string; args: Record<string, string> };

/** The prompt of a step: text blocks; the engine adds option, confirmation and skip buttons. */
export interface Prompt {
  blocks: Block[];
  /** Extra buttons shown under the engine's own. */
  buttons?: Button[][];
}

/** Parsing a step's own format (e.g. "12 dokumen"); `message` is shown when it fails. */
export type CustomParse = (text: string, locale: Locale) => { ok: true; value: unknown } | { ok: false; message: string };

/** One step of a flow. */
export interface StepDefinition<C extends EngineContext> {
  id: string;
  kind: InputKind;
  prompt(ctx: C, state: FlowState): Promise<Prompt> | Prompt;
  /** Options of a choice or multi-choice step, computed when asked and again when answered. */
  options?(ctx: C, state: FlowState): Promise<Option[]> | Option[];
  /** The stored value must satisfy this (also checked when a session is resumed from storage). */
  schema: z.ZodType;
  /** Longest text accepted, in characters (text steps; default 2,000). */
  maxLength?: number;
  /** Own parsing of typed text for text steps. */
  parse?: CustomParse;
  /** Checks against earlier answers (e.g. an end date after the start date); returns the message when it fails. */
  validate?(value: unknown, state: FlowState, ctx: C): string | null | Promise<string | null>;
  /** Optional steps show a skip button and accept "-"; a skipped answer is null. */
  optional?: boolean;
  /** Asked only when this is true (default: always). May look things up. */
  when?(state: FlowState, ctx: C): boolean | Promise<boolean>;
  /** The step after this one; null completes the flow; undefined (or no `next`): the next step in the list whose `when` holds. */
  next?(state: FlowState): string | null | undefined;
}

/** The result of starting a flow: the first step, or a reply saying why not. */
export type BeginResult = { ok: true; context: Record<string, unknown> } | { ok: false; reply: Reply };

/** A flow: versioned steps and what completing them does. */
export interface FlowDefinition<C extends EngineContext> {
  id: string;
  /** Bump when the steps change incompatibly: sessions of an older version end politely. */
  version: number;
  /** Shown in "you are in the middle of …" messages. */
  title(locale: Locale): string;
  /** The command that (re)starts the flow or leads to it, named in expiry messages, as the catalogues name commands: cmd('ekspektasi'). */
  command: string;
  /** Checks the person may start, and gathers what the flow needs (e.g. who it is about). */
  begin(ctx: C, context: Record<string, unknown>): Promise<BeginResult> | BeginResult;
  steps: StepDefinition<C>[];
  /** Performs the flow's side effects – once, inside the caller's transaction – and says what to reply. */
  complete(ctx: C, state: FlowState): Promise<Reply[]>;
}
