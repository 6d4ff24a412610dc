/**
 * Flows as declarations: `repeat` for nested loops and answers typed by their step's schema.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ConversationEngine } from '../../../src/conversation/engine.js';
import { answerOf, answersOf, repeat, type FlowDefinition, type StepDefinition } from '../../../src/conversation/flow.js';
import { paragraph } from '../../../src/conversation/reply.js';
import { context, memoryStore, type TestContext } from '../../support/engine-context.js';

const ask = (id: string): StepDefinition<TestContext> => ({ id, kind: 'text', schema: z.string(), prompt: () => ({ blocks: [paragraph(`${id}?`)] }) });
const more = (id: string): StepDefinition<TestContext> => ({ id, kind: 'confirm', schema: z.boolean(), prompt: () => ({ blocks: [paragraph(`${id}?`)] }) });

/** Groups, each with items, then a closing note: two loops, one inside the other. */
const nested: FlowDefinition<TestContext> = {
  id: 'nested',
  version: 1,
  command: '/uji',
  title: () => 'Uji',
  begin: (_ctx, args) => ({ ok: true, context: args }),
  steps: [...repeat([ask('group'), ...repeat([ask('item')], more('moreItems')), ask('groupNote')], more('moreGroups')), ask('closing')],
  complete: async (ctx, state) => {
    ctx.completed.push(state.entries.map((entry) => `${entry.step}=${String(entry.value)}`));
    return [];
  },
};

describe('repeat', () => {
  it('asks a loop inside a loop again on yes and goes on after it on no', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([nested], { idleMs: 3_600_000 });
    const ctx = context(store);
    await engine.start(ctx, 'nested');
    const answers = ['A', 'a1', 'ya', 'a2', 'tidak', 'catatan A', 'ya', 'B', 'b1', 'tidak', 'catatan B', 'tidak', 'akhir'];
    const steps: string[] = [];
    for (const answer of answers) {
      steps.push(store.rows.get('p1')?.step ?? '');
      await engine.input(ctx, { type: 'text', text: answer });
    }
    expect(steps).toEqual(['group', 'item', 'moreItems', 'item', 'moreItems', 'groupNote', 'moreGroups', 'group', 'item', 'moreItems', 'groupNote', 'moreGroups', 'closing']);
    expect(ctx.completed).toEqual([
      [
        'group=A', 'item=a1', 'moreItems=true', 'item=a2', 'moreItems=false', 'groupNote=catatan A', 'moreGroups=true',
        'group=B', 'item=b1', 'moreItems=false', 'groupNote=catatan B', 'moreGroups=false', 'closing=akhir',
      ],
    ]);
  });

  it('goes back across a loop’s turn with /kembali', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([nested], { idleMs: 3_600_000 });
    const ctx = context(store);
    await engine.start(ctx, 'nested');
    for (const answer of ['A', 'a1', 'ya']) await engine.input(ctx, { type: 'text', text: answer });
    expect(store.rows.get('p1')?.step).toBe('item');
    await engine.back(ctx);
    expect(store.rows.get('p1')?.step).toBe('moreItems');
  });

  it('wants a yes/no question without a next of its own, and a body', () => {
    expect(() => repeat([ask('a')], ask('b'))).toThrow(/yes\/no/);
    expect(() => repeat([], more('b'))).toThrow(/no steps/);
    expect(() => repeat([ask('a')], { ...more('b'), next: () => null })).toThrow(/own next/);
  });
});

describe('answers typed by their step', () => {
  it('reads the last and every answer with the schema’s type', () => {
    const kind = { id: 'kind', schema: z.enum(['UTAMA', 'TAMBAHAN']) };
    const state = { context: {}, entries: [{ step: 'kind', value: 'UTAMA' }, { step: 'other', value: 1 }, { step: 'kind', value: 'TAMBAHAN' }] };
    expect(answerOf(state, kind)).toBe('TAMBAHAN');
    expect(answersOf(state, kind)).toEqual(['UTAMA', 'TAMBAHAN']);
    expect(answerOf(state, { id: 'missing', schema: z.boolean() })).toBeUndefined();
    expectTypeOf(answerOf(state, kind)).toEqualTypeOf<'UTAMA' | 'TAMBAHAN' | null | undefined>();
  });
});
