/**
 * What the bot says, independent of any platform: plain data that each channel renders (HTML for
 * Telegram, Block Kit for Slack, plain text for the console). User-supplied text is kept as plain
 * strings inside the model and escaped only by the renderer for its own markup, so nothing a
 * person typed can turn into formatting, links or mentions. The bot's own texts name commands with
 * cmd() (src/i18n/command-names.ts); paragraph() and list() turn those names into command spans,
 * which each channel names its own way – a person's "/batal" stays text.
 */
import { commandsAs, splitCommands } from '../i18n/command-names.js';

/** A run of text with light formatting, or a command the bot names (rendered per channel: "/batal", "/kinerja batal"). */
export type Span =
  | { type: 'text'; text: string }
  | { type: 'bold'; text: string }
  | { type: 'italic'; text: string }
  | { type: 'code'; text: string }
  /** `style`: a command named inside bold or italic text keeps that formatting. */
  | { type: 'command'; name: string; style?: 'bold' | 'italic' };

/** A paragraph, a list, or a quote of something a person wrote. */
export type Block =
  | { type: 'paragraph'; spans: Span[] }
  | { type: 'list'; ordered: boolean; items: Span[][] }
  | { type: 'quote'; text: string };

/** A button. `token` is a short server-side handle for what pressing it means (see ActionToken). */
export interface Button {
  /** Plain text; it may name commands with cmd() – render it with labelText. */
  label: string;
  token: string;
}

/** A picture sent with a message (a chart), kept in the outbox as base64. */
export interface ImageAttachment {
  fileName: string;
  /** PNG bytes, base64. */
  base64: string;
}

/**
 * A file sent with a message (an export), kept in the outbox as base64. Whoever attaches one keeps
 * it small (see MAX_CHAT_DOCUMENT_BYTES in reports/outputs.ts).
 */
export interface DocumentAttachment {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64. */
  base64: string;
}

/**
 * A message too heavy to make while an event is handled (a digest with its chart, an export): the
 * outbox keeps what to make, and the delivery job makes it when the row's turn comes, then sends
 * it. `kind` names the maker (src/reports/outputs.ts); `params` is plain data.
 */
export interface DeferredOutput {
  kind: string;
  params: Record<string, unknown>;
}

/** The kinds of answer a question can ask for. */
export type InputKind = 'text' | 'choice' | 'multi' | 'number' | 'date' | 'confirm' | 'rating' | 'file';

/** One answer a question offers: its full label, and the token its button carries (the same token). */
export interface QuestionOption {
  label: string;
  token: string;
}

/** What every question says, whatever its kind. */
interface QuestionBase {
  /** The question may be left unanswered. */
  optional: boolean;
  /** For an optional question: the token that skips it (the one the "Lewati" button carries). */
  skip?: string;
}

/**
 * What a reply asks, said outright – so a channel can render a native field for it (a Slack
 * modal's select or text input) without reading buttons or labels back. The buttons of the reply
 * stay the generic fallback: pressing them sends the same tokens.
 */
export type Question =
  /** Typed answers; a file question also takes a link. */
  | (QuestionBase & { kind: 'text' | 'number' | 'date' | 'file'; /** Longest accepted text, in characters (text kind). */ maxLength?: number })
  | (QuestionBase & {
      kind: 'choice' | 'confirm' | 'rating';
      /** In order; for a choice with long labels the buttons carry only numbers, these the full labels. */
      options: QuestionOption[];
      /** The labels are long: the reply's text lists the options numbered 1, 2, … and the buttons carry the numbers. */
      numbered: boolean;
    })
  | (QuestionBase & {
      kind: 'multi';
      /** The labels, listed numbered in the reply's text. Several are picked by sending their numbers as text ("1, 3"). */
      options: string[];
      /** Tokens that pick every option, and none of them. */
      all: string;
      none: string;
    });

/** What to send to pick some options of a multi-choice question: their numbers (1-based indexes), as text. */
export function multiAnswer(indexes: number[]): string {
  return indexes.map((index) => String(index + 1)).join(', ');
}

/** One message. Buttons are rows of buttons. `expectsFile` asks the channel to invite an upload. */
export interface Reply {
  blocks: Block[];
  buttons: Button[][];
  /** What the message asks, for channels that render questions natively (absent in replies that ask nothing, and in outbox rows older than this field). */
  question?: Question;
  /** Made by the delivery job before sending (blocks and buttons are then ignored). */
  deferred?: DeferredOutput;
  expectsFile?: boolean;
  /** Sent before the text, as a photo. */
  image?: ImageAttachment;
  /** Sent before the text, as a file to download. */
  document?: DocumentAttachment;
}

/** Text spans from a mixed list: strings are plain text, objects keep their formatting. */
export type SpanInput = string | Span;

/** Spans of one piece: the commands it names (cmd()) become command spans, the rest keeps its formatting. */
function expand(span: Span): Span[] {
  if (span.type === 'command' || span.type === 'code') return [span];
  const type = span.type;
  const style = type === 'text' ? {} : { style: type };
  return splitCommands(span.text).map((part) => (typeof part === 'string' ? { type, text: part } : { type: 'command', name: part.command, ...style }));
}

function toSpans(parts: SpanInput[]): Span[] {
  return parts.flatMap((part) => expand(typeof part === 'string' ? { type: 'text', text: part } : part));
}

/** How a command is named in plain text everywhere but Slack. */
export const slashCommand = (name: string) => `/${name}`;

/** A command span. */
export const command = (name: string): Span => ({ type: 'command', name });

/** A span's text, naming commands as `as(name)` (default "/name"). */
export function spanText(span: Span, as: (name: string) => string = slashCommand): string {
  return span.type === 'command' ? as(span.name) : span.text;
}

/** A button's label as text, naming the commands it names as `as(name)` (default "/name"). */
export function labelText(label: string, as: (name: string) => string = slashCommand): string {
  return commandsAs(label, as);
}

/** Bold span. */
export const bold = (text: string): Span => ({ type: 'bold', text });
/** Italic span. */
export const italic = (text: string): Span => ({ type: 'italic', text });
/** Monospace span (codes, NIPs). */
export const code = (text: string): Span => ({ type: 'code', text });

/** A paragraph block. */
export function paragraph(...parts: SpanInput[]): Block {
  return { type: 'paragraph', spans: toSpans(parts) };
}

/** A bulleted or numbered list block. */
export function list(items: SpanInput[][], ordered = false): Block {
  return { type: 'list', ordered, items: items.map(toSpans) };
}

/** A quote of what someone wrote (shown set apart, always plain text). */
export function quote(text: string): Block {
  return { type: 'quote', text };
}

/** A reply of blocks, with optional button rows. */
export function reply(
  blocks: Block[],
  buttons: Button[][] = [],
  options: { expectsFile?: boolean; image?: ImageAttachment; document?: DocumentAttachment; question?: Question } = {},
): Reply {
  return {
    blocks,
    buttons,
    ...(options.question ? { question: options.question } : {}),
    ...(options.expectsFile ? { expectsFile: true } : {}),
    ...(options.image ? { image: options.image } : {}),
    ...(options.document ? { document: options.document } : {}),
  };
}

/** A reply of one paragraph. */
export function textReply(...parts: SpanInput[]): Reply {
  return reply([paragraph(...parts)]);
}

/** Text shortened for a button or a heading, with an ellipsis. */
export function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The reply as plain text: the fallback every channel can show, and what tests read. Commands are named "/name". */
export function plainText(message: Reply): string {
  return plainTextAs(message, slashCommand);
}

/** The reply as plain text, naming commands as `as(name)` (Slack: "/kinerja name"). */
export function plainTextAs(message: Reply, as: (name: string) => string): string {
  const spans = (items: Span[]) => items.map((span) => spanText(span, as)).join('');
  return message.blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return spans(block.spans);
        case 'list':
          return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${spans(item)}`).join('\n');
        case 'quote':
          return block.text
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n');
      }
    })
    .join('\n\n');
}
