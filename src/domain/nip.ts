/**
 * NIP, the 18-digit employee number and natural key of HR exports. People paste it with spaces
 * ("19900101 201501 1 001"); spreadsheets turn it into a number and print "1.99001E+17", which has
 * lost digits for good, so that case gets its own reason. A number Excel rounded but printed in
 * full (e.g. "199001012015011000") looks like a valid NIP and cannot be detected here.
 */
import type { Locale } from '../i18n/catalogue.js';
import { domainMessages } from '../i18n/domain.js';

/** Why a text is not a NIP. */
export type NipProblem = 'EMPTY' | 'NOT_18_DIGITS' | 'NOT_DIGITS' | 'SCIENTIFIC_NOTATION';

/** The normalised NIP or why the input is not one. */
export type NipResult = { readonly ok: true; readonly nip: string } | { readonly ok: false; readonly reason: NipProblem };

/** Length of a NIP in digits. */
export const NIP_LENGTH = 18;

// Only kinds of space are tolerated: ordinary, no-break, figure and narrow no-break spaces.
// Dots and dashes are not, because they are what a mangled spreadsheet number looks like.
const SPACES = /[ \u00A0\u2007\u202F]/g;
// "1.99001E+17" or, with an Indonesian decimal comma, "1,99001E+17".
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+$/;

/** Normalises a NIP as typed or imported: strips spaces, then requires exactly 18 ASCII digits. */
export function normalizeNip(raw: string): NipResult {
  // Leading/trailing tabs and newlines come from pasted cells; inside the number they are not tolerated.
  const text = raw.trim().replace(SPACES, '');
  if (text === '') return { ok: false, reason: 'EMPTY' };
  if (SCIENTIFIC.test(text)) return { ok: false, reason: 'SCIENTIFIC_NOTATION' };
  if (!/^[0-9]+$/.test(text)) return { ok: false, reason: 'NOT_DIGITS' };
  if (text.length !== NIP_LENGTH) return { ok: false, reason: 'NOT_18_DIGITS' };
  return { ok: true, nip: text };
}

/** Shows a normalised NIP in its customary groups: birth date, appointment month, sex, sequence ("19900101 201501 1 001"). */
export function formatNip(nip: string): string {
  if (!/^[0-9]{18}$/.test(nip)) return nip;
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

/** Explains a NIP problem to the person who typed or imported it. */
export function nipProblemMessage(reason: NipProblem, locale: Locale): string {
  return domainMessages[locale][`nip.${reason}`];
}
