import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConversationEngine, type Outcome } from '../../../src/conversation/engine.js';
import { lastAnswer, type ActionPayload, type FlowDefinition } from '../../../src/conversation/flow.js';
import { paragraph, plainText } from '../../../src/conversation/reply.js';
import { SKIP_VALUE } from '../../../src/conversation/inputs.js';
import { context, memoryStore, type TestContext } from '../../support/engine-context.js';

/** A little flow with a branch: a choice, then a number only for "count", then an optional note. */
function testFlow(version = 1): FlowDefinition<TestContext> {
  return {
    id: 'test',
    version,
    command: '/uji',
    title: () => 'Uji',
    begin: (ctx, args) => (args['refuse'] ? { ok: false, reply: { blocks: [paragraph('tidak boleh')], buttons: [] } } : { ok: true, context: args }),
    steps: [
      {
        id: 'kind',
        kind: 'choice',
        schema: z.enum(['count', 'words']),
        prompt: () => ({ blocks: [paragraph('Jenis?')] }),
        options: () => [
          { value: 'count', label: 'Hitungan' },
          { value: 'words', label: 'Kata-kata' },
        ],
      },
      {
        id: 'amount',
        kind: 'number',
        schema: z.number().min(0).max(100),
        when: (state) => lastAnswer(state, 'kind') === 'count',
        prompt: () => ({ blocks: [paragraph('Berapa?')] }),
      },
      { id: 'note', kind: 'text', optional: true, maxLength: 20, schema: z.string(), prompt: () => ({ blocks: [paragraph('Catatan?')] }) },
    ],
    complete: async (ctx, state) => {
      ctx.completed.push(state.entries);
      return [{ blocks: [paragraph('Selesai')], buttons: [] }];
    },
  };
}

const text = (outcome: Outcome) => outcome.replies.map(plainText).join('\n---\n');

describe('the conversation engine', () => {
  it('walks a flow, branching on earlier answers, and completes once with every answer', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctx = context(store);
    expect(text(await engine.start(ctx, 'test'))).toMatch(/Jenis\?/);
    expect((await engine.input(ctx, { type: 'text', text: '1' })).status).toBe('advanced');
    expect(store.rows.get('p1')?.step).toBe('amount');
    expect(text(await engine.input(ctx, { type: 'text', text: '12,5' }))).toMatch(/Catatan\?/);
    const done = await engine.input(ctx, { type: 'text', text: '-' });
    expect(done.status).toBe('completed');
    expect(ctx.completed).toEqual([
      [
        { step: 'kind', value: 'count' },
        { step: 'amount', value: 12.5 },
        { step: 'note', value: null },
      ],
    ]);
    expect(store.rows.size).toBe(0);
  });

  it('skips a step whose condition does not hold', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctx = context(store);
    await engine.start(ctx, 'test');
    await engine.input(ctx, { type: 'text', text: 'kata-kata' });
    expect(store.rows.get('p1')?.step).toBe('note');
  });

  it('re-asks the same question with a specific message and keeps earlier answers', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctx = context(store);
    await engine.start(ctx, 'test');
    await engine.input(ctx, { type: 'text', text: '1' });
    const notNumber = await engine.input(ctx, { type: 'text', text: 'dua belas' });
    expect(notNumber.status).toBe('invalid');
    expect(text(notNumber)).toMatch(/Itu bukan angka[\s\S]*Berapa\?/);
    const outOfRange = await engine.input(ctx, { type: 'text', text: '250' });
    expect(outOfRange.status).toBe('invalid');
    expect(text(outOfRange)).toMatch(/tidak bisa dipakai di sini[\s\S]*Berapa\?/);
    const sticker = await engine.input(ctx, { type: 'unsupported' });
    expect(text(sticker)).toMatch(/belum bisa membaca pesan jenis itu/);
    expect(store.rows.get('p1')?.state.entries).toEqual([{ step: 'kind', value: 'count' }]);
    await engine.input(ctx, { type: 'text', text: '7' });
    const tooLong = await engine.input(ctx, { type: 'text', text: 'x'.repeat(10_000) });
    expect(text(tooLong)).toMatch(/terlalu panjang \(10\.000 karakter\)\. Batasnya 20 karakter/);
  });

  it('takes an answer from a button of the current step, and refuses a button of an earlier step', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctx = context(store);
    const started = await engine.start(ctx, 'test');
    const wordsButton = started.replies[0]!.buttons.flat().find((b) => b.label === 'Kata-kata')!;
    const payload = ctx.pressed.get(wordsButton.token) as Extract<ActionPayload, { kind: 'answer' }>;
    expect((await engine.answerButton(ctx, payload)).status).toBe('advanced');
    const again = await engine.answerButton(ctx, payload);
    expect(again.status).toBe('stale');
    expect(text(again)).toMatch(/sudah tidak berlaku/);
  });

  it('offers a skip button on optional steps', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctx = context(store);
    await engine.start(ctx, 'test');
    const note = await engine.input(ctx, { type: 'text', text: '2' });
    const skip = note.replies[0]!.buttons.flat().find((b) => b.label === 'Lewati')!;
    expect(ctx.pressed.get(skip.token)).toMatchObject({ kind: 'answer', step: 'note', value: SKIP_VALUE });
  });

  it('goes back one step at a time with /kembali', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctx = context(store);
    await engine.start(ctx, 'test');
    expect(text(await engine.back(ctx))).toMatch(/Ini sudah langkah pertama[\s\S]*Jenis\?/);
    await engine.input(ctx, { type: 'text', text: '1' });
    await engine.input(ctx, { type: 'text', text: '3' });
    expect(text(await engine.back(ctx))).toMatch(/Berapa\?/);
    expect(store.rows.get('p1')?.state.entries).toEqual([{ step: 'kind', value: 'count' }]);
    await engine.back(ctx);
    await engine.input(ctx, { type: 'text', text: '2' });
    expect(store.rows.get('p1')?.step).toBe('note');
  });

  it('cancels with /batal and saves nothing', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctx = context(store);
    await engine.start(ctx, 'test');
    const cancelled = await engine.cancel(ctx);
    expect(cancelled.status).toBe('cancelled');
    expect(text(cancelled)).toBe('“Uji” dibatalkan. Jawaban yang belum selesai tidak disimpan.');
    expect(ctx.completed).toEqual([]);
    expect((await engine.cancel(ctx)).status).toBe('none');
  });

  it('ends an idle flow with a message saying so', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 2 * 3_600_000 });
    await engine.start(context(store), 'test');
    const later = context(store, new Date('2026-11-27T05:00:01Z'));
    const outcome = await engine.input(later, { type: 'text', text: '1' });
    expect(outcome.status).toBe('expired');
    expect(text(outcome)).toMatch(/“Uji” berakhir karena tidak ada jawaban selama 2 jam[\s\S]*\/uji/);
    expect(store.rows.size).toBe(0);
  });

  it('resumes at the same step with earlier answers after a restart', async () => {
    const store = memoryStore();
    const first = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctx = context(store);
    await first.start(ctx, 'test');
    await first.input(ctx, { type: 'text', text: '1' });
    const restarted = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctxAfter = context(store);
    expect(text(await restarted.remind(ctxAfter))).toMatch(/Berapa\?/);
    await restarted.input(ctxAfter, { type: 'text', text: '5' });
    await restarted.input(ctxAfter, { type: 'text', text: 'oke' });
    expect(ctxAfter.completed[0]).toEqual([
      { step: 'kind', value: 'count' },
      { step: 'amount', value: 5 },
      { step: 'note', value: 'oke' },
    ]);
  });

  it('ends a session of an older flow version politely instead of breaking', async () => {
    const store = memoryStore();
    const old = new ConversationEngine([testFlow(1)], { idleMs: 3_600_000 });
    await old.start(context(store), 'test');
    const updated = new ConversationEngine([testFlow(2)], { idleMs: 3_600_000 });
    const outcome = await updated.input(context(store), { type: 'text', text: '1' });
    expect(outcome.status).toBe('ended');
    expect(text(outcome)).toMatch(/telah diperbarui sejak Anda memulainya[\s\S]*\/uji/);
    expect(store.rows.size).toBe(0);
  });

  it('ends a session whose stored answers no longer fit the flow', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    await engine.start(context(store), 'test');
    store.rows.get('p1')!.state.entries.push({ step: 'kind', value: 'hacked' });
    expect((await engine.input(context(store), { type: 'text', text: '1' })).status).toBe('ended');
  });

  it('asks before abandoning an active flow for another one', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const ctx = context(store);
    await engine.start(ctx, 'test');
    await engine.input(ctx, { type: 'text', text: '1' });
    const busy = await engine.start(ctx, 'test', { again: true });
    expect(busy.status).toBe('busy');
    expect(text(busy)).toMatch(/Anda sedang mengisi “Uji”. Tinggalkan dan mulai “Uji”\?/);
    const labels = busy.replies[0]!.buttons.flat().map((b) => [b.label, ctx.pressed.get(b.token)?.kind]);
    expect(labels).toEqual([
      ['Ya, tinggalkan', 'abandon-and-start'],
      ['Tidak, lanjutkan', 'resume'],
    ]);
    expect(store.rows.get('p1')?.step).toBe('amount');
    const replaced = await engine.start(ctx, 'test', { again: true }, { replace: true });
    expect(replaced.status).toBe('started');
    expect(store.rows.get('p1')?.state).toEqual({ entries: [], context: { again: true } });
  });

  it('passes on a refusal from the flow without starting it', async () => {
    const store = memoryStore();
    const engine = new ConversationEngine([testFlow()], { idleMs: 3_600_000 });
    const outcome = await engine.start(context(store), 'test', { refuse: true });
    expect(outcome).toMatchObject({ status: 'refused' });
    expect(text(outcome)).toBe('tidak boleh');
    expect(store.rows.size).toBe(0);
  });
});
