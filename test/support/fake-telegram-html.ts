/**
 * Telegram's rules for message text, for the fake Bot API in fake-telegram.ts: `parse_mode: 'HTML'`, trimming,
 * length limits and bot_command detection.
 *
 * The HTML parser follows TDLib's `parse_html` (td/telegram/MessageEntity.cpp), which is what the Bot API runs,
 * so the fake rejects what Telegram rejects – with the same error texts and UTF-8 byte offsets – and measures
 * the text the way Telegram does (after tags are removed and entities decoded). Offsets of entities are in
 * UTF-16 code units, like the Bot API's.
 */
import { Buffer } from 'node:buffer';
import type { MessageEntity } from 'telegraf/types';

/** Telegram's description of what is wrong, without the leading "Bad Request: ". */
export class BadText extends Error {}

/** The part after "Bad Request: can't parse entities: " in Telegram's answer. */
export class HtmlParseError extends Error {}

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const SUPPORTED_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'span', 'pre', 'code', 'blockquote',
]);

const SIMPLE_ENTITIES: Record<string, 'bold' | 'italic' | 'underline' | 'strikethrough' | 'spoiler'> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler', span: 'spoiler',
};

/** TDLib's MessageEntity::get_type_priority for the types HTML produces. */
const PRIORITIES: Partial<Record<MessageEntity['type'], number>> = {
  blockquote: 0, pre: 11, code: 20, text_link: 49, bold: 90, italic: 91, underline: 92, strikethrough: 93, spoiler: 94, custom_emoji: 99,
};
const priority = (e: MessageEntity): number => PRIORITIES[e.type] ?? 50;

const NAMED_CHARACTERS: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** A `code` entity remembers its language until we know whether a `pre` around it takes it. */
type PendingEntity = MessageEntity & { codeLanguage?: string };

interface OpenTag {
  name: string;
  /** href of <a>, language of <code>, class suffix of <span>, emoji-id of <tg-emoji>, 'expandable' of <blockquote>. */
  argument: string;
  /** Offset of the tag's content in the output, in UTF-16 code units. */
  offset: number;
}

/** TDLib reads a C string, so everything past the end looks like NUL – which its loops treat as "stop". */
const charAt = (s: string, i: number): string => s[i] ?? '\0';
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\0' || c === '\v';
const byteOffset = (s: string, i: number): number => Buffer.byteLength(s.slice(0, i), 'utf8');
const fail = (message: string): never => {
  throw new HtmlParseError(message);
};

/**
 * A message text or caption as Telegram stores it: parsed per parse_mode (only HTML is checked; Markdown
 * modes are taken as they are), trimmed, and within the limits (text 1–4096, caption 0–1024 UTF-16 units).
 */
export function formatMessageText(source: string, kind: 'text' | 'caption', parseMode?: string, entities: MessageEntity[] = []): FormattedText {
  let parsed: FormattedText = { text: source, entities };
  const mode = parseMode?.toLowerCase();
  if (mode === 'html') {
    try {
      parsed = parseTelegramHtml(source);
    } catch (error) {
      if (error instanceof HtmlParseError) throw new BadText(`can't parse entities: ${error.message}`);
      throw error;
    }
  } else if (mode && mode !== 'markdown' && mode !== 'markdownv2') {
    throw new BadText('unsupported parse_mode');
  }
  const { text, entities: kept } = trimmed(parsed);
  if (kind === 'text' && text === '') throw new BadText('message text is empty');
  if (text.length > (kind === 'text' ? 4096 : 1024)) throw new BadText(kind === 'text' ? 'message is too long' : 'message caption is too long');
  return { text, entities: kept };
}

/** The bot_command entity of a leading "/command" or "/command@bot" (1–64 letters, digits, _; bot name 3–32). */
export function leadingCommand(text: string): MessageEntity | undefined {
  const match = /^\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\p{L}\p{N}_/<>@])/u.exec(text);
  return match ? { type: 'bot_command', offset: 0, length: match[0].length } : undefined;
}

/** Telegram strips surrounding whitespace and moves the entities along. */
function trimmed({ text, entities }: FormattedText): FormattedText {
  const lead = text.length - text.trimStart().length;
  const result = text.trim();
  const moved = entities.map((e) => {
    const offset = Math.max(0, e.offset - lead);
    return { ...e, offset, length: Math.min(e.offset + e.length - lead, result.length) - offset };
  });
  return { text: result, entities: moved.filter((e) => e.length > 0) };
}

/** Parses Telegram HTML into plain text and entities, or throws HtmlParseError with Telegram's message. */
export function parseTelegramHtml(source: string): FormattedText {
  let text = '';
  const entities: PendingEntity[] = [];
  const open: OpenTag[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '&') {
      const decoded = decodeCharacter(source, i);
      if (decoded) {
        text += decoded.char;
        i = decoded.end;
        continue;
      }
    }
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    if (charAt(source, i + 1) !== '/') {
      const tag = readStartTag(source, i);
      open.push({ name: tag.name, argument: tag.argument, offset: text.length });
      i = tag.end;
      continue;
    }
    const closed = readEndTag(source, i, open);
    i = closed.end;
    if (text.length > closed.tag.offset) addEntity(entities, closed.tag, text);
  }
  const unclosed = open.at(-1);
  if (unclosed) fail(`Can't find end tag corresponding to start tag ${unclosed.name}`);
  // Telegram lists entities by position, enclosing ones first, then by TDLib's type priority.
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length || priority(a) - priority(b));
  return { text, entities: entities.map(({ codeLanguage: _language, ...entity }) => entity) };
}

/** `&lt;` `&gt;` `&amp;` `&quot;` and numeric references; anything else is kept as a literal '&'. */
function decodeCharacter(s: string, start: number): { char: string; end: number } | undefined {
  let end = start + 1;
  let code = 0;
  if (charAt(s, end) === '#') {
    end++;
    const hex = charAt(s, end) === 'x';
    if (hex) end++;
    const digit = hex ? /[0-9a-fA-F]/ : /[0-9]/;
    while (digit.test(charAt(s, end))) code = code * (hex ? 16 : 10) + parseInt(s[end++]!, 16);
    if (code === 0 || code >= 0x10ffff || end - start >= 10) return undefined;
    if (code >= 0xd800 && code <= 0xdfff) {
      fail('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units');
    }
  } else {
    while (/[a-zA-Z]/.test(charAt(s, end))) end++;
    const named = NAMED_CHARACTERS[s.slice(start + 1, end)];
    if (named === undefined) return undefined;
    code = named.codePointAt(0)!;
  }
  if (charAt(s, end) === ';') end++;
  return { char: String.fromCodePoint(code), end };
}

function skipSpaces(s: string, i: number): number {
  while (charAt(s, i) !== '\0' && isSpace(charAt(s, i))) i++;
  return i;
}

function readStartTag(s: string, begin: number): { name: string; argument: string; end: number } {
  const at = byteOffset(s, begin);
  let i = begin + 1;
  while (!isSpace(charAt(s, i)) && charAt(s, i) !== '>') i++;
  if (charAt(s, i) === '\0') fail(`Unclosed start tag at byte offset ${at}`);
  const name = s.slice(begin + 1, i).toLowerCase();
  if (!SUPPORTED_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${at}`);

  let argument = '';
  while (charAt(s, i) !== '>') {
    i = skipSpaces(s, i);
    if (charAt(s, i) === '>') break;
    const attributeStart = i;
    while (!isSpace(charAt(s, i)) && charAt(s, i) !== '=' && charAt(s, i) !== '>') i++;
    const attribute = s.slice(attributeStart, i);
    if (attribute === '') fail(`Empty attribute name in the tag "${name}" at byte offset ${at}`);
    i = skipSpaces(s, i);
    // The one valueless attribute Telegram accepts (Bot API 7.3).
    if (name === 'blockquote' && attribute === 'expandable' && charAt(s, i) !== '=') {
      argument = 'expandable';
      continue;
    }
    if (charAt(s, i) !== '=') fail(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${at}`);
    i = skipSpaces(s, i + 1);
    if (charAt(s, i) === '\0') fail(`Unclosed start tag "${name}" at byte offset ${at}`);
    const value = readAttributeValue(s, i);
    i = value.end;
    if (charAt(s, i) === '\0') fail(`Unclosed start tag at byte offset ${at}`);

    if (name === 'a' && attribute === 'href') argument = value.value;
    else if (name === 'code' && attribute === 'class' && value.value.startsWith('language-')) argument = value.value.slice(9);
    else if (name === 'span' && attribute === 'class' && value.value.startsWith('tg-')) argument = value.value.slice(3);
    else if (name === 'tg-emoji' && attribute === 'emoji-id') argument = value.value;
  }
  if (name === 'span' && argument !== 'spoiler') fail(`Tag "span" must have class "tg-spoiler" at byte offset ${at}`);
  return { name, argument, end: i + 1 };
}

/** A quoted string (entities decoded) or an unquoted name token (letters, digits, '.', '-'; lower-cased). */
function readAttributeValue(s: string, start: number): { value: string; end: number } {
  let i = start;
  const quote = charAt(s, i);
  if (quote !== '"' && quote !== "'") {
    while (/[a-zA-Z0-9.-]/.test(charAt(s, i))) i++;
    if (!isSpace(charAt(s, i)) && charAt(s, i) !== '>') fail(`Unexpected end of name token at byte offset ${byteOffset(s, start)}`);
    return { value: s.slice(start, i).toLowerCase(), end: i };
  }
  let value = '';
  i++;
  while (charAt(s, i) !== quote && charAt(s, i) !== '\0') {
    const decoded = charAt(s, i) === '&' ? decodeCharacter(s, i) : undefined;
    if (decoded) {
      value += decoded.char;
      i = decoded.end;
    } else {
      value += s[i++];
    }
  }
  if (charAt(s, i) === quote) i++;
  return { value, end: i };
}

/** `</name>` must close the innermost open tag; a bare `</>` closes whatever it is. */
function readEndTag(s: string, begin: number, open: OpenTag[]): { tag: OpenTag; end: number } {
  const at = byteOffset(s, begin);
  const tag = open.pop();
  if (!tag) return fail(`Unexpected end tag at byte offset ${at}`);
  let i = begin + 2;
  while (!isSpace(charAt(s, i)) && charAt(s, i) !== '>') i++;
  const name = s.slice(begin + 2, i).toLowerCase();
  while (charAt(s, i) !== '\0' && isSpace(charAt(s, i))) i++;
  if (charAt(s, i) !== '>') fail(`Unclosed end tag at byte offset ${at}`);
  if (name !== '' && name !== tag.name) {
    fail(`Unmatched end tag at byte offset ${at}, expected "</${tag.name}>", found "</${name}>"`);
  }
  return { tag, end: i + 1 };
}

function addEntity(entities: PendingEntity[], tag: OpenTag, text: string): void {
  const offset = tag.offset;
  const length = text.length - offset;
  const last = entities.at(-1);
  const sameRange = last !== undefined && last.offset === offset && last.length === length;
  const simple = SIMPLE_ENTITIES[tag.name];
  if (simple) {
    entities.push({ type: simple, offset, length });
  } else if (tag.name === 'blockquote') {
    entities.push({ type: tag.argument === 'expandable' ? 'expandable_blockquote' : 'blockquote', offset, length } as MessageEntity);
  } else if (tag.name === 'tg-emoji') {
    if (!/^\d+$/.test(tag.argument) || /^0+$/.test(tag.argument)) fail('Invalid custom emoji identifier specified');
    entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: tag.argument });
  } else if (tag.name === 'a') {
    // Without href the link text is the URL; Telegram drops links it cannot use instead of failing.
    const url = tag.argument || text.slice(offset);
    if (url !== '') entities.push({ type: 'text_link', offset, length, url });
  } else if (tag.name === 'pre' && sameRange && last.type === 'code' && last.codeLanguage) {
    // <pre><code class="language-x">…</code></pre> is one pre entity with a language.
    entities[entities.length - 1] = { type: 'pre', offset, length, language: last.codeLanguage };
  } else if (tag.name === 'pre') {
    entities.push({ type: 'pre', offset, length });
  } else if (tag.name === 'code' && sameRange && last.type === 'pre' && tag.argument) {
    last.language = tag.argument;
  } else {
    entities.push({ type: 'code', offset, length, ...(tag.argument ? { codeLanguage: tag.argument } : {}) });
  }
}
