/**
 * Renders the reply model as Telegram HTML. Every piece of text is escaped (&, <, >), so nothing
 * a person typed becomes markup; Telegram's limits are named constants and enforced here: long
 * messages are split at block boundaries, buttons carry only short tokens. Commands are named the
 * way Telegram users type them: "/batal".
 */
import { labelText, spanText, type Block, type Button, type Reply, type Span } from '../../conversation/reply.js';

/** Telegram's limit on a message's visible text, in characters (after entities are parsed). */
export const TELEGRAM_MESSAGE_MAX_CHARS = 4096;
/** Room we leave under that limit for safety. */
const CHUNK_CHARS = 4000;
/** Telegram's limit on callback_data, in bytes. */
export const TELEGRAM_CALLBACK_DATA_MAX_BYTES = 64;
/** Longer button labels are cut: Telegram shows little more on a phone anyway. */
export const TELEGRAM_BUTTON_LABEL_MAX_CHARS = 60;

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function span(item: Span): string {
  const text = escapeHtml(spanText(item));
  switch (item.type) {
    case 'bold':
      return `<b>${text}</b>`;
    case 'italic':
      return `<i>${text}</i>`;
    case 'code':
      return `<code>${text}</code>`;
    case 'command':
      return item.style === 'bold' ? `<b>${text}</b>` : item.style === 'italic' ? `<i>${text}</i>` : text;
    case 'text':
      return text;
  }
}

const visibleLength = (items: Span[]) => items.reduce((sum, item) => sum + spanText(item).length, 0);

/** A block as HTML with its visible length; overlong text is cut into pieces that fit. */
function renderBlock(block: Block): { html: string; length: number }[] {
  switch (block.type) {
    case 'paragraph':
      return [{ html: block.spans.map(span).join(''), length: visibleLength(block.spans) }];
    case 'list':
      return block.items.map((item, i) => {
        const marker = block.ordered ? `${i + 1}. ` : '• ';
        return { html: `${marker}${item.map(span).join('')}`, length: marker.length + visibleLength(item) };
      });
    case 'quote': {
      const pieces: { html: string; length: number }[] = [];
      for (let start = 0; start < Math.max(block.text.length, 1); start += CHUNK_CHARS) {
        const piece = block.text.slice(start, start + CHUNK_CHARS);
        pieces.push({ html: `<blockquote>${escapeHtml(piece)}</blockquote>`, length: piece.length });
      }
      return pieces;
    }
  }
}

/** A message ready for sendMessage. */
export interface TelegramMessage {
  html: string;
  keyboard: { text: string; callback_data: string }[][] | undefined;
}

function keyboardOf(buttons: Button[][]): TelegramMessage['keyboard'] {
  if (buttons.length === 0) return undefined;
  return buttons.map((row) =>
    row.map((button) => {
      if (Buffer.byteLength(button.token, 'utf8') > TELEGRAM_CALLBACK_DATA_MAX_BYTES) {
        throw new Error(`button token longer than ${TELEGRAM_CALLBACK_DATA_MAX_BYTES} bytes`);
      }
      const text = labelText(button.label);
      const label = text.length > TELEGRAM_BUTTON_LABEL_MAX_CHARS ? `${text.slice(0, TELEGRAM_BUTTON_LABEL_MAX_CHARS - 1)}…` : text;
      return { text: label, callback_data: button.token };
    }),
  );
}

/** The reply as one or more Telegram messages; the buttons go with the last one. */
export function renderTelegram(message: Reply): TelegramMessage[] {
  const parts = message.blocks.flatMap(renderBlock);
  const chunks: string[] = [];
  let html: string[] = [];
  let length = 0;
  for (const part of parts) {
    // Blocks are separated by a blank line (two characters).
    if (html.length > 0 && length + 2 + part.length > CHUNK_CHARS) {
      chunks.push(html.join('\n\n'));
      html = [];
      length = 0;
    }
    html.push(part.html);
    length += (html.length > 1 ? 2 : 0) + part.length;
  }
  if (html.length > 0 || chunks.length === 0) chunks.push(html.join('\n\n') || '…');
  return chunks.map((chunk, i) => ({ html: chunk, keyboard: i === chunks.length - 1 ? keyboardOf(message.buttons) : undefined }));
}
