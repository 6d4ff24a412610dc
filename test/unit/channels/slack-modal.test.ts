import { describe, expect, it } from 'vitest';
import { list, paragraph, reply } from '../../../src/conversation/reply.js';
import { answerOf, formView, FORM_CALLBACK } from '../../../src/channels/slack/modal.js';

type Input = { block_id: string; optional?: boolean; element: { type: string; options?: { text: { text: string }; value: string }[] } };
const inputOf = (view: Record<string, unknown>) => (view['blocks'] as Input[]).find((b) => b.block_id === 'answer')!;

describe('Slack modal pages', () => {
  it('turns a question with buttons into a select, numbered buttons taking the text of their list', () => {
    const question = reply([paragraph('Tentang apa?'), list([['Tersedianya aplikasi'], ['Terdokumentasinya panduan']], true)], [[{ label: '1', token: 't1' }, { label: '2', token: 't2' }]]);
    const view = formView([question], { channel: 'DU1' }, 'id');
    expect(view).toMatchObject({ type: 'modal', callback_id: FORM_CALLBACK, notify_on_close: true, submit: { text: 'Lanjut' } });
    expect(inputOf(view).element.options!.map((o) => [o.text.text, o.value])).toEqual([
      ['1. Tersedianya aplikasi', 't1'],
      ['2. Terdokumentasinya panduan', 't2'],
    ]);
  });

  it('turns a question without buttons into a text field, optional when it can be skipped', () => {
    const required = formView([reply([paragraph('Apa yang sudah dicapai?')])], { channel: 'DU1' }, 'id');
    expect(inputOf(required)).toMatchObject({ optional: false, element: { type: 'plain_text_input' } });
    const optional = formView([reply([paragraph('Catatan?')], [[{ label: 'Lewati', token: 'skip1' }]])], { channel: 'DU1' }, 'id');
    expect(inputOf(optional)).toMatchObject({ optional: true, element: { type: 'plain_text_input' } });
    const metadata = String(optional['private_metadata']);
    expect(answerOf({ private_metadata: metadata, state: { values: { answer: { text: { value: '' } } } } })).toEqual({ type: 'button', token: 'skip1' });
    expect(answerOf({ private_metadata: metadata, state: { values: { answer: { text: { value: ' catatan ' } } } } })).toEqual({ type: 'text', text: 'catatan' });
    expect(answerOf({ private_metadata: '{"channel":"DU1"}', state: { values: { answer: { text: { value: '' } } } } })).toBeUndefined();
    expect(answerOf({ state: { values: { answer: { choice: { selected_option: { value: 't2' } } } } } })).toEqual({ type: 'button', token: 't2' });
  });
});
