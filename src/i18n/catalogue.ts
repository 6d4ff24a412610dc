/**
 * Message catalogues: every user-facing text, Bahasa Indonesia first, English second.
 * Each area of the bot defines its own catalogue with `catalogue(id, en)`; the type checker
 * makes the English half carry exactly the Indonesian half's keys and parameter shapes.
 */

/** Languages the bot speaks; Indonesian is the default. */
export type Locale = 'id' | 'en';

export const DEFAULT_LOCALE: Locale = 'id';

/** A message is a fixed text or a function of its parameters. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameter shapes vary per message
export type Message = string | ((params: any) => string);

/** Builds a bilingual catalogue. */
export function catalogue<T extends Record<string, Message>>(
  id: T,
  en: { [K in keyof T]: T[K] },
): Record<Locale, T> {
  return { id, en };
}

/** Formats a number the way the locale writes it (1.234,5 in Indonesian, 1,234.5 in English). */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits }).format(value);
}

/** A date as the locale writes it briefly ("26 Nov 2026"), in `timeZone` (UTC for a civil date stored as midnight UTC). */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeZone }).format(date);
}

/**
 * An English count with its noun in the right number and the digits grouped: "1 day", "2 days",
 * "1,250 employees" (Intl.PluralRules). Indonesian nouns do not change with number.
 */
export function countOf(n: number, one: string, other: string): string {
  return `${new Intl.NumberFormat('en-GB').format(n)} ${new Intl.PluralRules('en-GB').select(n) === 'one' ? one : other}`;
}

/** Formats a share (0–1) as a percentage. */
export function formatPercent(share: number, locale: Locale, maximumFractionDigits = 1): string {
  return `${formatNumber(share * 100, locale, maximumFractionDigits)}%`;
}
