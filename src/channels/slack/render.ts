/**
 * Renders the reply model as Slack Block Kit. Every piece of text is escaped for mrkdwn: &, < and >
 * (so nothing a person typed becomes a mention such as <!channel>, a user link or a URL), and the
 * formatting marks * _ ~ ` are fenced with zero-width spaces so a person's text cannot turn bold or
 * strike through. Commands the bot names (command spans) are subcommands of the app's one slash
 * command: "/kinerja batal"; text is never rewritten, so a person's "/batal" stays as typed. Slack's
 * limits are named constants and enforced here: long text is split over several sections, messages
 * with too many blocks over several messages, buttons over several action blocks – nothing is cut
 * silently.
 */
import { labelText, plainTextAs, spanText, type Block, type Button, type Reply, type Span } from '../../conversation/reply.js';

/** Slack's limit on a section block's text, in characters. */
export const SLACK_SECTION_MAX_CHARS = 3000;
/** Slack's limit on blocks in one message. */
export const SLACK_MESSAGE_MAX_BLOCKS = 50;
/** Slack's limit on blocks in a view (App Home, modal). */
export const SLACK_VIEW_MAX_BLOCKS = 100;
/** Slack's limit on elements in one actions block. */
export const SLACK_ACTIONS_MAX_ELEMENTS = 25;
/** Slack's limit on a button's text, in characters. */
export const SLACK_BUTTON_TEXT_MAX_CHARS = 75;
/** Slack's limit on the notification (fallback) text we send with blocks; longer is cut, the blocks carry everything. */
export const SLACK_FALLBACK_MAX_CHARS = 3000;
/** Room left under the section limit for escapes and markers. */
const SECTION_CHUNK = 2800;

/** The one slash command the Slack app has; every command is a subcommand of it. */
export const SLACK_COMMAND = '/kinerja';

const ZWSP = '\u200b';

/** Escapes text for Slack mrkdwn (see the module comment). */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, (mark) => `${ZWSP}${mark}${ZWSP}`);
}

/** How Slack names the bot's command `name`: a subcommand of SLACK_COMMAND. */
export const slackCommand = (name: string) => `${SLACK_COMMAND} ${name}`;

/** A button's or an option's label as plain text for Slack (plain_text: nothing in it is interpreted). */
export function slackLabel(label: string): string {
  return labelText(label, slackCommand);
}

function span(item: Span): string {
  const text = escapeMrkdwn(spanText(item, slackCommand));
  if (text.trim() === '') return text;
  switch (item.type) {
    case 'bold':
      return `*${text}*`;
    case 'italic':
      return `_${text}_`;
    case 'code':
      return `\`${text}\``;
    case 'command':
      return item.style === 'bold' ? `*${text}*` : item.style === 'italic' ? `_${text}_` : text;
    case 'text':
      return text;
  }
}

/** mrkdwn pieces of one block, each short enough for a section. */
function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
      return [block.spans.map(span).join('')];
    case 'list':
      return [block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${item.map(span).join('')}`).join('\n')];
    case 'quote':
      return [
        escapeMrkdwn(block.text)
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n'),
      ];
  }
}

/** Splits mrkdwn into pieces of at most SECTION_CHUNK characters, at line or word breaks where possible. */
export function splitText(text: string, max = SECTION_CHUNK): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never cut an escape (&amp;) in half.
    const amp = rest.lastIndexOf('&', cut);
    if (amp > cut - 5 && rest.indexOf(';', amp) >= cut) cut = amp;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  pieces.push(rest);
  return pieces;
}

/** A Block Kit block (the subset the bot uses). */
export type SlackBlock =
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'actions'; block_id: string; elements: SlackButton[] };

export interface SlackButton {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string; emoji: boolean };
  value: string;
}

/** One chat.postMessage: the blocks and the plain notification text. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** The action_id of a button: the token, so every button of a message has its own. */
export const buttonActionId = (token: string) => `dk:${token}`;

function buttonBlocks(rows: Button[][]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  rows.forEach((row, r) => {
    for (let start = 0; start < row.length; start += SLACK_ACTIONS_MAX_ELEMENTS) {
      blocks.push({
        type: 'actions',
        block_id: `buttons-${r}-${start}`,
        elements: row.slice(start, start + SLACK_ACTIONS_MAX_ELEMENTS).map((button) => ({
          type: 'button',
          action_id: buttonActionId(button.token),
          // plain_text: no escaping needed, nothing in it is interpreted.
          text: { type: 'plain_text', text: truncate(slackLabel(button.label), SLACK_BUTTON_TEXT_MAX_CHARS), emoji: true },
          value: button.token,
        })),
      });
    }
  });
  return blocks;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Plain text of the reply for notifications and screen readers (Slack asks for it with blocks). */
function fallbackText(reply: Reply): string {
  return truncate(escapeMrkdwn(plainTextAs(reply, slackCommand)), SLACK_FALLBACK_MAX_CHARS);
}

/** The reply as one or more Slack messages (more only when it has more blocks than one message may hold). */
export function renderSlack(reply: Reply): SlackMessage[] {
  const sections: SlackBlock[] = reply.blocks
    .flatMap(blockTexts)
    .flatMap((text) => splitText(text))
    .filter((text) => text.trim() !== '')
    .map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
  const buttons = buttonBlocks(reply.buttons);
  const all = [...sections, ...buttons];
  if (all.length === 0) all.push({ type: 'section', text: { type: 'mrkdwn', text: ' ' } });
  const text = fallbackText(reply) || ' ';
  const messages: SlackMessage[] = [];
  for (let start = 0; start < all.length; start += SLACK_MESSAGE_MAX_BLOCKS) {
    messages.push({ text: start === 0 ? text : '…', blocks: all.slice(start, start + SLACK_MESSAGE_MAX_BLOCKS) });
  }
  return messages;
}
