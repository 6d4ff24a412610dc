/**
 * Indicator targets as people write them: "4 laporan", "100%", "12,5 persen", or a narrative.
 * Shared by the chat (/ekspektasi) and the SKP import.
 */
import type { Locale } from '../i18n/catalogue.js';

/** A target: a number with its unit, or a narrative text (then value and unit are null). */
export interface Target {
  value: number | null;
  unit: string | null;
  text: string | null;
}

/** Longest target text accepted (characters). */
export const TARGET_MAX = 200;

/** "1.234,5" (Indonesian) or "1,234.5" (English), also "12,5" and "12.5"; undefined when not a number. */
export function parseNumber(text: string, locale: Locale): number | undefined {
  const compact = text.replace(/\s/g, '');
  const [thousands, decimal] = locale === 'id' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${thousands}\\d{3})+(\\${decimal}\\d+)?$`);
  let normalised: string;
  if (grouped.test(compact)) normalised = compact.split(thousands).join('').replace(decimal, '.');
  else if (/^-?\d+([.,]\d+)?$/.test(compact)) normalised = compact.replace(',', '.');
  else return undefined;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

/** "4 laporan" → 4 + laporan; "100%" → 100 + %; anything else is a narrative target. */
export function splitTarget(text: string, locale: Locale): Target {
  const match = /^(-?[\d.,]+)\s*(.*)$/.exec(text.trim());
  const value = match ? parseNumber(match[1] ?? '', locale) : undefined;
  if (match && value !== undefined) return { value, unit: (match[2] ?? '').trim() || null, text: null };
  return { value: null, unit: null, text: text.trim() };
}
