import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConversationEngine } from '../../../src/conversation/engine.js';
import { paragraph, plainText, reply } from '../../../src/conversation/reply.js';
import { SKIP_VALUE } from '../../../src/conversation/inputs.js';
import { ask, context, memoryStore, oneStep } from '../../support/engine-context.js';

const LONG = ['Tersusunnya laporan evaluasi layanan perizinan triwulanan', 'Terdokumentasinya panduan layanan daring'];

describe('questions the engine states', () => {
  it('states a choice with long labels in full, numbered like the list and the number buttons, with the buttons’ tokens', async () => {
    const { question, meaning } = await ask({ kind: 'choice', schema: z.string(), options: () => LONG.map((label, i) => ({ value: `r${i}`, label })) });
    expect(question.buttons).toEqual([[{ label: '1', token: 't0' }, { label: '2', token: 't1' }]]);
    expect(question.question).toEqual({
      kind: 'choice',
      numbered: true,
      optional: false,
      options: [
        { label: LONG[0], token: 't0' },
        { label: LONG[1], token: 't1' },
      ],
    });
    expect(meaning('t1')).toBe('r1');
    // The fallback still reads as before: the numbered list in the text.
    expect(plainText(question)).toMatch(/1\. Tersusunnya laporan[\s\S]*2\. Terdokumentasinya panduan/);
  });

  it('states a short choice unnumbered, its option labels the buttons’ labels', async () => {
    const { question } = await ask({ kind: 'choice', schema: z.string(), options: () => [{ value: 'a', label: 'Utama' }, { value: 'b', label: 'Tambahan' }] });
    expect(question.buttons).toEqual([[{ label: 'Utama', token: 't0' }], [{ label: 'Tambahan', token: 't1' }]]);
    expect(question.question).toMatchObject({ kind: 'choice', numbered: false, options: [{ label: 'Utama', token: 't0' }, { label: 'Tambahan', token: 't1' }] });
  });

  it('states an optional text step with its limit and the skip button’s token', async () => {
    const { question, meaning } = await ask({ kind: 'text', optional: true, maxLength: 500, schema: z.string() });
    expect(question.question).toEqual({ kind: 'text', optional: true, maxLength: 500, skip: 't0' });
    expect(question.buttons).toEqual([[{ label: 'Lewati', token: 't0' }]]);
    expect(meaning('t0')).toBe(SKIP_VALUE);
  });

  it('states confirmations, ratings and multi-choices with the tokens of their buttons', async () => {
    const confirm = await ask({ kind: 'confirm', schema: z.boolean() });
    expect(confirm.question.question).toEqual({ kind: 'confirm', numbered: false, optional: false, options: [{ label: 'Ya', token: 't0' }, { label: 'Tidak', token: 't1' }] });
    expect([confirm.meaning('t0'), confirm.meaning('t1')]).toEqual(['yes', 'no']);

    const rating = await ask({ kind: 'rating', optional: true, schema: z.number() });
    expect(rating.question.question).toMatchObject({ kind: 'rating', optional: true, skip: 't5', options: ['1', '2', '3', '4', '5'].map((label, i) => ({ label, token: `t${i}` })) });

    const multi = await ask({ kind: 'multi', schema: z.array(z.string()), options: () => [{ value: 'a', label: 'Suasana hati' }, { value: 'b', label: 'Kendala' }] });
    expect(multi.question.question).toEqual({ kind: 'multi', optional: false, options: ['Suasana hati', 'Kendala'], all: 't0', none: 't1' });
    expect([multi.meaning('t0'), multi.meaning('t1')]).toEqual(['all', 'none']);
  });

  it('keeps the question when it asks again after a refused answer', async () => {
    const ctx = context(memoryStore());
    const engine = new ConversationEngine([oneStep({ kind: 'number', schema: z.number() })], { idleMs: 3_600_000 });
    expect((await engine.start(ctx, 'one')).replies.at(-1)!.question).toEqual({ kind: 'number', optional: false });
    const refused = await engine.input(ctx, { type: 'text', text: 'dua' });
    expect(refused.status).toBe('invalid');
    expect(refused.replies.at(-1)!.question).toEqual({ kind: 'number', optional: false });
  });

  it('leaves replies that ask nothing without a question, and a question survives the outbox’s JSON', async () => {
    expect(reply([paragraph('Halo')]).question).toBeUndefined();
    const { question } = await ask({ kind: 'text', optional: true, schema: z.string() });
    expect(JSON.parse(JSON.stringify(question))).toEqual(question);
  });
});
