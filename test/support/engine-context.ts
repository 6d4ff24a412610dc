/** The conversation engine's surroundings for unit tests: sessions in a Map, buttons minted as t0, t1, … */
import { ConversationEngine } from '../../src/conversation/engine.js';
import type { ActionPayload, EngineContext, FlowDefinition, SessionRecord, SessionStore, StepDefinition } from '../../src/conversation/flow.js';
import { paragraph, reply, type Button, type Reply } from '../../src/conversation/reply.js';

/** Sessions kept in a Map, standing in for the database: survives "restarts" of the engine. */
export function memoryStore(): SessionStore & { rows: Map<string, SessionRecord> } {
  const rows = new Map<string, SessionRecord>();
  let next = 1;
  return {
    rows,
    get: async (id) => structuredClone(rows.get(id) ?? null),
    save: async (session) => {
      const record = { ...structuredClone(session), id: rows.get(session.employeeId)?.id ?? `s${next++}` };
      rows.set(session.employeeId, record);
      return structuredClone(record);
    },
    delete: async (id) => void rows.delete(id),
  };
}

export interface TestContext extends EngineContext {
  pressed: Map<string, ActionPayload>;
  completed: unknown[];
}

export function context(store: SessionStore, now = new Date('2026-11-27T03:00:00Z')): TestContext {
  const pressed = new Map<string, ActionPayload>();
  let n = 0;
  return {
    person: { id: 'p1', locale: 'id', timeZone: 'Asia/Jakarta' },
    now,
    sessions: store,
    pressed,
    completed: [],
    button: async (label: string, payload: ActionPayload): Promise<Button> => {
      const token = `t${n++}`;
      pressed.set(token, payload);
      return { label, token };
    },
  };
}

/** A flow of one step, to see the question the engine states for it. */
export function oneStep(step: Omit<StepDefinition<TestContext>, 'id' | 'prompt'>): FlowDefinition<TestContext> {
  return {
    id: 'one',
    version: 1,
    command: '/uji',
    title: () => 'Uji',
    begin: () => ({ ok: true, context: {} }),
    steps: [{ id: 'q', prompt: () => ({ blocks: [paragraph('Pertanyaan?')] }), ...step }],
    complete: async () => [reply([paragraph('Selesai')])],
  };
}

/** The first question of a one-step flow, and what each of its tokens means. */
export async function ask(step: Omit<StepDefinition<TestContext>, 'id' | 'prompt'>): Promise<{ question: Reply; meaning: (token: string) => string | undefined }> {
  const ctx = context(memoryStore());
  const outcome = await new ConversationEngine([oneStep(step)], { idleMs: 3_600_000 }).start(ctx, 'one');
  const meaning = (token: string) => {
    const payload = ctx.pressed.get(token);
    return payload?.kind === 'answer' ? payload.value : undefined;
  };
  return { question: outcome.replies.at(-1)!, meaning };
}
