import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { paragraph, reply } from '../../../src/conversation/reply.js';
import { answerOf, formView, FORM_CALLBACK } from '../../../src/channels/slack/modal.js';
import { ask } from '../../support/engine-context.js';

type Option = { text: { text: string }; value: string };
type Input = { block_id: string; optional?: boolean; hint?: { text: string }; element: { type: string; max_length?: number; multiline?: boolean; options?: Option[] } };
const inputOf = (view: Record<string, unknown>) => (view['blocks'] as Input[]).find((b) => b.block_id === 'answer')!;
const optionsOf = (view: Record<string, unknown>) => inputOf(view).element.options!.map((o) => [o.text.text, o.value]);
const submitted = (view: Record<string, unknown>, field: Parameters<typeof answerOf>[0] extends { state?: { values?: Record<string, infer F> } } ? F : never) =>
  answerOf({ private_metadata: String(view['private_metadata']), state: { values: { answer: field } } });

const LONG = ['Tersusunnya laporan evaluasi layanan perizinan triwulanan', 'Terdokumentasinya panduan layanan daring'];

describe('Slack modal pages', () => {
  it('turns a choice with long labels into a select of the full labels, numbered like the list above them', async () => {
    const { question, meaning } = await ask({ kind: 'choice', schema: z.string(), options: () => LONG.map((label, i) => ({ value: `r${i}`, label })) });
    const view = formView([question], { channel: 'DU1' }, 'id');
    expect(view).toMatchObject({ type: 'modal', callback_id: FORM_CALLBACK, notify_on_close: true, submit: { text: 'Lanjut' } });
    expect(inputOf(view)).toMatchObject({ optional: false, element: { type: 'static_select' } });
    expect(optionsOf(view)).toEqual([
      [`1. ${LONG[0]}`, 't0'],
      [`2. ${LONG[1]}`, 't1'],
    ]);
    const answer = submitted(view, { choice: { selected_option: { value: 't1' } } });
    expect(answer).toEqual({ type: 'button', token: 't1' });
    expect(meaning('t1')).toBe('r1');
  });

  it('turns an optional text step into an optional text field with the step’s limit; an empty field sends the skip token', async () => {
    const { question, meaning } = await ask({ kind: 'text', optional: true, maxLength: 500, schema: z.string() });
    const view = formView([question], { channel: 'DU1' }, 'id');
    expect(inputOf(view)).toMatchObject({ optional: true, hint: { text: 'Boleh dikosongkan.' }, element: { type: 'plain_text_input', multiline: true, max_length: 500 } });
    // No "Lewati" option anywhere: skipping is leaving the field empty.
    expect(JSON.stringify(view)).not.toContain('Lewati');
    const skipped = submitted(view, { text: { value: '' } });
    expect(skipped).toEqual({ type: 'button', token: 't0' });
    expect(meaning('t0')).toBe('__skip__');
    expect(submitted(view, { text: { value: ' catatan ' } })).toEqual({ type: 'text', text: 'catatan' });
  });

  it('finds the skip of an optional step by its token, whatever the language', async () => {
    const { question } = await ask({ kind: 'text', optional: true, schema: z.string() });
    const relabelled = { ...question, buttons: [[{ label: 'Lompati', token: 't0' }]] };
    expect(submitted(formView([relabelled], { channel: 'DU1' }, 'en'), { text: { value: '' } })).toEqual({ type: 'button', token: 't0' });
  });

  it('turns a required text step into a required field: an empty one is no answer', async () => {
    const { question } = await ask({ kind: 'text', schema: z.string() });
    const view = formView([question], { channel: 'DU1' }, 'id');
    expect(inputOf(view)).toMatchObject({ optional: false, element: { type: 'plain_text_input', max_length: 2000 } });
    expect(submitted(view, { text: { value: '' } })).toBeUndefined();
  });

  it('turns a confirmation into Ya/Tidak radio buttons carrying the yes and no tokens', async () => {
    const { question, meaning } = await ask({ kind: 'confirm', schema: z.boolean() });
    const view = formView([question], { channel: 'DU1' }, 'id');
    expect(inputOf(view).element.type).toBe('radio_buttons');
    expect(optionsOf(view)).toEqual([
      ['Ya', 't0'],
      ['Tidak', 't1'],
    ]);
    expect(submitted(view, { choice: { selected_option: { value: 't1' } } })).toEqual({ type: 'button', token: 't1' });
    expect(meaning('t1')).toBe('no');
  });

  it('turns a multi-choice into a multi-select: the picks go as their numbers, none picked as the "none" token', async () => {
    const { question, meaning } = await ask({ kind: 'multi', schema: z.array(z.string()), options: () => ['Suasana hati', 'Kendala', 'Dukungan'].map((label) => ({ value: label, label })) });
    const view = formView([question], { channel: 'DU1' }, 'en');
    expect(inputOf(view)).toMatchObject({ optional: true, element: { type: 'multi_static_select' } });
    expect(optionsOf(view)).toEqual([
      ['1. Suasana hati', '1'],
      ['2. Kendala', '2'],
      ['3. Dukungan', '3'],
    ]);
    expect(submitted(view, { choices: { selected_options: [{ value: '1' }, { value: '3' }] } })).toEqual({ type: 'text', text: '1, 3' });
    const none = submitted(view, { choices: { selected_options: [] } });
    expect(none).toEqual({ type: 'button', token: 't1' });
    expect(meaning('t1')).toBe('none');
  });

  it('offers the buttons of a reply that states no question, under their own labels', () => {
    const busy = reply([paragraph('Anda sedang mengisi Umpan balik.')], [[{ label: 'Tinggalkan dan mulai', token: 'b1' }], [{ label: 'Lanjutkan', token: 'b2' }]]);
    const view = formView([busy], { channel: 'DU1' }, 'id');
    expect(optionsOf(view)).toEqual([
      ['Tinggalkan dan mulai', 'b1'],
      ['Lanjutkan', 'b2'],
    ]);
    const nothing = formView([reply([paragraph('Apa yang sudah dicapai?')])], { channel: 'DU1' }, 'id');
    expect(inputOf(nothing)).toMatchObject({ optional: false, element: { type: 'plain_text_input' } });
  });

  it('still skips on a page opened before the metadata named the empty answer', () => {
    expect(answerOf({ private_metadata: '{"channel":"DU1","skip":"skip1"}', state: { values: { answer: { text: { value: '' } } } } })).toEqual({ type: 'button', token: 'skip1' });
    expect(answerOf({ private_metadata: '{"channel":"DU1"}', state: { values: { answer: { text: { value: '' } } } } })).toBeUndefined();
  });
});
