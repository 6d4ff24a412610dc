/**
 * Conversations as Slack modals: the same flows, one question per page. The question's text is
 * shown as sections; its buttons become a select menu (so a supervisor picks only among the people
 * the flow offers – their direct reports), a question without buttons a text field. Submitting
 * answers the question through the same pipeline; the next page replaces this one, a refused answer
 * is shown next to the field, and when the conversation ends the modal closes and the outcome
 * arrives in the DM.
 */
import type { InboundMessage } from '../../bot/inbound.js';
import type { Reply } from '../../conversation/reply.js';
import { slackText } from '../../i18n/slack.js';
import type { Locale } from '../../i18n/catalogue.js';
import { renderSlack, slackCommands, type SlackBlock, SLACK_VIEW_MAX_BLOCKS } from './render.js';

/** The subcommands that open a modal (forms: setting expectations, feedback, progress, obstacles). */
export const FORM_COMMANDS = new Set(['ekspektasi', 'expectations', 'umpanbalik', 'feedback', 'realisasi', 'progress', 'kendala', 'obstacle', 'predikatunit', 'unitrating', 'evaluasi', 'evaluate']);
export const FORM_CALLBACK = 'dk-form';
/** Slack's limits for a modal. */
export const SLACK_MODAL_TITLE_MAX_CHARS = 24;
export const SLACK_SELECT_MAX_OPTIONS = 100;
export const SLACK_OPTION_TEXT_MAX_CHARS = 75;
export const SLACK_TEXT_INPUT_MAX_CHARS = 3000;

/** The block holding the page's one field; Slack's inline errors are keyed by it. */
export const ANSWER_BLOCK_ID = 'answer';
const SKIP_LABELS = new Set(['Lewati', 'Skip']);

/** What the modal remembers between pages. */
export interface FormMetadata {
  /** The DM where the conversation's outcome goes. */
  channel: string;
  /** The "skip" button of an optional question: an empty field means skip. */
  skip?: string;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Option labels: numbered buttons ("1", "2"…) stand for the numbered list above them – show the list's text. */
function optionLabels(reply: Reply): string[] {
  const buttons = reply.buttons.flat();
  const numbered = [...reply.blocks].reverse().find((block) => block.type === 'list' && block.ordered);
  return buttons.map((button) => {
    const index = /^\d+$/.test(button.label) ? Number(button.label) - 1 : -1;
    const item = numbered?.type === 'list' ? numbered.items[index] : undefined;
    const label = item ? `${button.label}. ${item.map((span) => span.text).join('')}` : slackCommands(button.label);
    return truncate(label, SLACK_OPTION_TEXT_MAX_CHARS);
  });
}

/** The page for `replies` (the last one is the question). */
export function formView(replies: Reply[], meta: Omit<FormMetadata, 'skip'>, locale: Locale): Record<string, unknown> {
  const t = slackText[locale];
  const question = replies.at(-1) ?? { blocks: [], buttons: [] };
  const sections: SlackBlock[] = replies.flatMap((reply) => renderSlack({ ...reply, buttons: [] }).flatMap((message) => message.blocks));
  const buttons = question.buttons.flat();
  const skip = buttons.length === 1 && SKIP_LABELS.has(buttons[0]!.label) ? buttons[0]!.token : undefined;
  let input: Record<string, unknown>;
  if (buttons.length === 0 || skip) {
    input = {
      type: 'input',
      block_id: ANSWER_BLOCK_ID,
      optional: skip !== undefined,
      label: { type: 'plain_text', text: t.formAnswer },
      element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: SLACK_TEXT_INPUT_MAX_CHARS },
      ...(skip ? { hint: { type: 'plain_text', text: t.formOptional } } : {}),
    };
  } else {
    const labels = optionLabels(question);
    input = {
      type: 'input',
      block_id: ANSWER_BLOCK_ID,
      label: { type: 'plain_text', text: t.formChoose },
      element: {
        type: 'static_select',
        action_id: 'choice',
        placeholder: { type: 'plain_text', text: t.formChoose },
        options: buttons.slice(0, SLACK_SELECT_MAX_OPTIONS).map((button, i) => ({ text: { type: 'plain_text', text: labels[i] ?? button.label }, value: button.token })),
      },
    };
  }
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    notify_on_close: true,
    title: { type: 'plain_text', text: truncate(t.formTitle, SLACK_MODAL_TITLE_MAX_CHARS) },
    submit: { type: 'plain_text', text: t.formNext },
    close: { type: 'plain_text', text: t.formCancel },
    private_metadata: JSON.stringify({ ...meta, ...(skip ? { skip } : {}) } satisfies FormMetadata),
    blocks: [...sections.slice(0, SLACK_VIEW_MAX_BLOCKS - 1), input],
  };
}

/** The answer a submitted page gives, as the message the pipeline understands; undefined when the field is empty. */
export function answerOf(view: { private_metadata?: string; state?: { values?: Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>> } }): InboundMessage | undefined {
  const field = view.state?.values?.[ANSWER_BLOCK_ID];
  const chosen = field?.['choice']?.selected_option?.value;
  if (chosen) return { type: 'button', token: chosen };
  const typed = field?.['text']?.value?.trim();
  if (typed) return { type: 'text', text: typed };
  const skip = metadataOf(view).skip;
  return skip ? { type: 'button', token: skip } : undefined;
}

export function metadataOf(view: { private_metadata?: string }): Partial<FormMetadata> {
  try {
    return JSON.parse(view.private_metadata ?? '{}') as Partial<FormMetadata>;
  } catch {
    return {};
  }
}

