/**
 * Turns what a person sent into the value a step asks for, or says precisely what is wrong.
 * Pure: the caller supplies the options, the person's language and today's date.
 */
import { addDays, formatCivilDate, parseCivilDate, type CivilDate } from '../domain/civil-date.js';
import type { Locale } from '../i18n/catalogue.js';
import type { CustomParse, FileRef, InputKind, Option, RawInput } from './flow.js';
import { parseNumber } from '../domain/target.js';

/** The default and the absolute limits on typed text, in characters. */
export const DEFAULT_MAX_TEXT = 2_000;

/** The value a skip button carries, and what typing "-" means on an optional step. */
export const SKIP_VALUE = '__skip__';

/** Why an input was refused. */
export type InputError =
  | { code: 'EMPTY' }
  | { code: 'TOO_LONG'; max: number; length: number }
  | { code: 'NOT_AN_OPTION'; count: number }
  | { code: 'NOT_A_NUMBER' }
  | { code: 'NOT_A_DATE' }
  | { code: 'NOT_YES_NO' }
  | { code: 'NOT_A_RATING' }
  | { code: 'EXPECTED_FILE' }
  | { code: 'EXPECTED_TEXT' }
  | { code: 'UNSUPPORTED' }
  /** Read fine, but not a value this step accepts (its schema refused it). */
  | { code: 'INVALID' }
  | { code: 'CUSTOM'; message: string };

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: InputError };

/** What parsing needs besides the input. */
export interface ParseSpec {
  kind: InputKind;
  optional: boolean;
  options: Option[];
  maxLength: number;
  parse?: CustomParse;
  locale: Locale;
  /** Today in the person's time zone, for "hari ini" and "kemarin". */
  today: CivilDate;
}

const YES = new Set(['ya', 'y', 'iya', 'yes', 'ok', 'oke', 'setuju', 'benar']);
const NO = new Set(['tidak', 't', 'tdk', 'no', 'n', 'bukan', 'batal']);
const ALL = new Set(['semua', 'all']);
const NONE = new Set(['tidak ada', 'none', '-']);

const fail = (error: InputError): ParseResult => ({ ok: false, error });
const ok = (value: unknown): ParseResult => ({ ok: true, value });

/** Parses `input` for a step described by `spec`. */
export function parseInput(input: RawInput, spec: ParseSpec): ParseResult {
  if (spec.optional && isSkip(input, spec.kind)) return ok(null);
  if (input.type === 'unsupported') return fail({ code: 'UNSUPPORTED' });
  if (input.type === 'file') return spec.kind === 'file' ? ok(input.file) : fail({ code: 'EXPECTED_TEXT' });
  if (input.type === 'choice') return parseChoiceValue(input.value, spec);

  const text = input.text.trim();
  if (text === '') return fail({ code: 'EMPTY' });
  switch (spec.kind) {
    case 'text':
      if (text.length > spec.maxLength) return fail({ code: 'TOO_LONG', max: spec.maxLength, length: text.length });
      if (spec.parse) {
        const parsed = spec.parse(text, spec.locale);
        return parsed.ok ? ok(parsed.value) : fail({ code: 'CUSTOM', message: parsed.message });
      }
      return ok(text);
    case 'choice':
      return parseTypedChoice(text, spec.options);
    case 'multi':
      return parseMulti(text, spec.options);
    case 'number': {
      const value = parseNumber(text, spec.locale);
      return value === undefined ? fail({ code: 'NOT_A_NUMBER' }) : ok(value);
    }
    case 'date': {
      const value = parseDate(text, spec.today);
      return value === undefined ? fail({ code: 'NOT_A_DATE' }) : ok(value);
    }
    case 'confirm': {
      const word = text.toLowerCase();
      if (YES.has(word)) return ok(true);
      if (NO.has(word)) return ok(false);
      return fail({ code: 'NOT_YES_NO' });
    }
    case 'rating': {
      const value = Number(text);
      return Number.isInteger(value) && value >= 1 && value <= 5 ? ok(value) : fail({ code: 'NOT_A_RATING' });
    }
    case 'file':
      return /^https?:\/\/\S+$/i.test(text) && text.length <= spec.maxLength ? ok(linkRef(text)) : fail({ code: 'EXPECTED_FILE' });
  }
}

function isSkip(input: RawInput, kind: InputKind): boolean {
  if (input.type === 'choice') return input.value === SKIP_VALUE;
  // "-" means "skip" except where it means "none of them".
  return input.type === 'text' && kind !== 'multi' && ['-', '/lewati', 'lewati', 'skip'].includes(input.text.trim().toLowerCase());
}

function linkRef(url: string): FileRef {
  return { kind: 'LINK', url };
}

/** A button press: the value must still be one of the options. */
function parseChoiceValue(value: string, spec: ParseSpec): ParseResult {
  switch (spec.kind) {
    case 'choice':
      return spec.options.some((option) => option.value === value) ? ok(value) : fail({ code: 'NOT_AN_OPTION', count: spec.options.length });
    case 'confirm':
      return value === 'yes' || value === 'no' ? ok(value === 'yes') : fail({ code: 'NOT_YES_NO' });
    case 'rating': {
      const rating = Number(value);
      return Number.isInteger(rating) && rating >= 1 && rating <= 5 ? ok(rating) : fail({ code: 'NOT_A_RATING' });
    }
    case 'multi':
      if (value === 'all') return ok(spec.options.map((option) => option.value));
      if (value === 'none') return ok([]);
      return fail({ code: 'NOT_AN_OPTION', count: spec.options.length });
    default:
      return fail({ code: spec.kind === 'file' ? 'EXPECTED_FILE' : 'EXPECTED_TEXT' });
  }
}

/** "2" picks the second option; the option's label, in any case, picks it too. */
function parseTypedChoice(text: string, options: Option[]): ParseResult {
  const index = /^\d+$/.test(text) ? Number(text) - 1 : -1;
  const byNumber = options[index];
  if (byNumber) return ok(byNumber.value);
  const byLabel = options.find((option) => option.label.trim().toLowerCase() === text.toLowerCase());
  return byLabel ? ok(byLabel.value) : fail({ code: 'NOT_AN_OPTION', count: options.length });
}

/** "1, 3 5", "semua" or "tidak ada". */
function parseMulti(text: string, options: Option[]): ParseResult {
  const word = text.toLowerCase();
  if (ALL.has(word)) return ok(options.map((option) => option.value));
  if (NONE.has(word)) return ok([]);
  const parts = word.split(/[\s,;]+/).filter(Boolean);
  const picked = new Set<string>();
  for (const part of parts) {
    const option = /^\d+$/.test(part) ? options[Number(part) - 1] : undefined;
    if (!option) return fail({ code: 'NOT_AN_OPTION', count: options.length });
    picked.add(option.value);
  }
  // Keep the options' order, whatever order they were typed in.
  return ok(options.filter((option) => picked.has(option.value)).map((option) => option.value));
}

/** "2026-03-01", "1-3-2026", "01/03/2026", "hari ini" or "kemarin" → "YYYY-MM-DD". */
export function parseDate(text: string, today: CivilDate): string | undefined {
  const word = text.toLowerCase();
  if (word === 'hari ini' || word === 'today') return formatCivilDate(today);
  if (word === 'kemarin' || word === 'yesterday') return formatCivilDate(addDays(today, -1));
  const iso = parseCivilDate(text);
  if (iso) return formatCivilDate(iso);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (!dmy) return undefined;
  const date = parseCivilDate(`${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`);
  return date ? formatCivilDate(date) : undefined;
}

export { parseNumber };
