/**
 * Conversations as Slack modals: the same flows, one question per page. The question's text is
 * shown as sections; the field is made from the question node the engine states (reply.question):
 * a choice becomes a select menu of the full labels (so a supervisor picks only among the people the
 * flow offers – their direct reports), a confirmation or rating radio buttons, a multi-choice a
 * multi-select, typed answers a text field – optional, with the skip token sent for an empty field,
 * when the question may be skipped. A reply that states no question offers its buttons. Submitting
 * answers the question through the same pipeline; the next page replaces this one, a refused answer
 * is shown next to the field, and when the conversation ends the modal closes and the outcome
 * arrives in the DM.
 */
import type { InboundMessage } from '../../bot/inbound.js';
import { multiAnswer, type Question, type Reply } from '../../conversation/reply.js';
import { slackText } from '../../i18n/slack.js';
import type { Locale } from '../../i18n/catalogue.js';
import { renderSlack, slackLabel, type SlackBlock, SLACK_VIEW_MAX_BLOCKS } from './render.js';

/** The subcommands that open a modal (forms: setting expectations, feedback, progress, obstacles). */
export const FORM_COMMANDS = new Set(['ekspektasi', 'expectations', 'umpanbalik', 'feedback', 'realisasi', 'progress', 'kendala', 'obstacle', 'capaianorganisasi', 'predikatunit', 'unitrating', 'evaluasi', 'evaluate']);
export const FORM_CALLBACK = 'dk-form';
/** Slack's limits for a modal. */
export const SLACK_MODAL_TITLE_MAX_CHARS = 24;
export const SLACK_SELECT_MAX_OPTIONS = 100;
export const SLACK_OPTION_TEXT_MAX_CHARS = 75;
export const SLACK_TEXT_INPUT_MAX_CHARS = 3000;

/** The block holding the page's one field; Slack's inline errors are keyed by it. */
export const ANSWER_BLOCK_ID = 'answer';
/** Slack's limit on radio buttons in one group (confirmations and ratings fit; longer lists are a select). */
export const SLACK_RADIO_MAX_OPTIONS = 10;

/** What the modal remembers between pages. */
export interface FormMetadata {
  /** The DM where the conversation's outcome goes. */
  channel: string;
  /** The token an empty field sends: the question's skip, or "none" of a multi-choice question. */
  empty?: string;
  /** Multi-choice: the picked options are sent as their numbers. */
  multi?: true;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const plain = (text: string) => ({ type: 'plain_text', text });
const option = (text: string, value: string) => ({ text: plain(truncate(slackLabel(text), SLACK_OPTION_TEXT_MAX_CHARS)), value });

/** The page's field for a question the reply states. */
function questionInput(question: Question, locale: Locale): { input: Record<string, unknown>; meta: Omit<FormMetadata, 'channel'> } {
  const t = slackText[locale];
  const field = (label: string, element: Record<string, unknown>, optional: boolean, hint?: string) => ({
    type: 'input',
    block_id: ANSWER_BLOCK_ID,
    optional,
    label: plain(label),
    element,
    ...(hint ? { hint: plain(hint) } : {}),
  });
  const skip = question.skip ? { empty: question.skip } : {};
  switch (question.kind) {
    case 'text':
    case 'number':
    case 'date':
    case 'file': {
      const max = Math.min(question.kind === 'text' ? (question.maxLength ?? SLACK_TEXT_INPUT_MAX_CHARS) : SLACK_TEXT_INPUT_MAX_CHARS, SLACK_TEXT_INPUT_MAX_CHARS);
      const element = { type: 'plain_text_input', action_id: 'text', multiline: question.kind === 'text', max_length: max };
      return { input: field(t.formAnswer, element, question.optional, question.optional ? t.formOptional : undefined), meta: skip };
    }
    case 'choice':
    case 'confirm':
    case 'rating': {
      // Long labels are also listed, numbered, in the text above: the options keep those numbers.
      const options = question.options
        .slice(0, SLACK_SELECT_MAX_OPTIONS)
        .map((choice, i) => option(question.numbered ? `${i + 1}. ${choice.label}` : choice.label, choice.token));
      const radio = question.kind !== 'choice' && options.length <= SLACK_RADIO_MAX_OPTIONS;
      const element = radio
        ? { type: 'radio_buttons', action_id: 'choice', options }
        : { type: 'static_select', action_id: 'choice', placeholder: plain(t.formChoose), options };
      return { input: field(t.formChoose, element, question.optional, question.optional ? t.formOptional : undefined), meta: skip };
    }
    case 'multi': {
      const options = question.options.slice(0, SLACK_SELECT_MAX_OPTIONS).map((label, i) => option(`${i + 1}. ${label}`, String(i + 1)));
      const element = { type: 'multi_static_select', action_id: 'choices', placeholder: plain(t.formChooseMany), options };
      // Picking nothing is an answer: none of them.
      return { input: field(t.formChooseMany, element, true, t.formEmptyIsNone), meta: { empty: question.none, multi: true } };
    }
  }
}

/** The page's field for a reply that states no question: its buttons as a select, or a text field. */
function fallbackInput(reply: Reply, locale: Locale): Record<string, unknown> {
  const t = slackText[locale];
  const buttons = reply.buttons.flat();
  if (buttons.length === 0) {
    return { type: 'input', block_id: ANSWER_BLOCK_ID, optional: false, label: plain(t.formAnswer), element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: SLACK_TEXT_INPUT_MAX_CHARS } };
  }
  const options = buttons.slice(0, SLACK_SELECT_MAX_OPTIONS).map((button) => option(button.label, button.token));
  return { type: 'input', block_id: ANSWER_BLOCK_ID, label: plain(t.formChoose), element: { type: 'static_select', action_id: 'choice', placeholder: plain(t.formChoose), options } };
}

/** The page for `replies` (the last one is the question). */
export function formView(replies: Reply[], meta: Pick<FormMetadata, 'channel'>, locale: Locale): Record<string, unknown> {
  const t = slackText[locale];
  const last = replies.at(-1) ?? { blocks: [], buttons: [] };
  const sections: SlackBlock[] = replies.flatMap((reply) => renderSlack({ ...reply, buttons: [] }).flatMap((message) => message.blocks));
  const { input, meta: more } = last.question ? questionInput(last.question, locale) : { input: fallbackInput(last, locale), meta: {} };
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    notify_on_close: true,
    title: plain(truncate(t.formTitle, SLACK_MODAL_TITLE_MAX_CHARS)),
    submit: plain(t.formNext),
    close: plain(t.formCancel),
    private_metadata: JSON.stringify({ ...meta, ...more } satisfies FormMetadata),
    blocks: [...sections.slice(0, SLACK_VIEW_MAX_BLOCKS - 1), input],
  };
}

type FieldState = { value?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] | null };

/** The answer a submitted page gives, as the message the pipeline understands; undefined when the field is empty and may not be. */
export function answerOf(view: { private_metadata?: string; state?: { values?: Record<string, Record<string, FieldState>> } }): InboundMessage | undefined {
  const field = view.state?.values?.[ANSWER_BLOCK_ID];
  const meta = metadataOf(view);
  const chosen = field?.['choice']?.selected_option?.value;
  if (chosen) return { type: 'button', token: chosen };
  const picked = (field?.['choices']?.selected_options ?? []).map((selected) => Number(selected.value) - 1).filter((index) => Number.isInteger(index) && index >= 0);
  if (meta.multi && picked.length > 0) return { type: 'text', text: multiAnswer(picked) };
  const typed = field?.['text']?.value?.trim();
  if (typed) return { type: 'text', text: typed };
  // Pages opened before the field was renamed remember the skip token as `skip`.
  const empty = meta.empty ?? (meta as { skip?: string }).skip;
  return empty ? { type: 'button', token: empty } : undefined;
}

export function metadataOf(view: { private_metadata?: string }): Partial<FormMetadata> {
  try {
    return JSON.parse(view.private_metadata ?? '{}') as Partial<FormMetadata>;
  } catch {
    return {};
  }
}

