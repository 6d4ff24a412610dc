/**
 * Instants versus wall-clock time in IANA zones, and Indonesia's zones WIB (Asia/Jakarta, UTC+7),
 * WITA (Asia/Makassar, UTC+8) and WIT (Asia/Jayapura, UTC+9). Indonesia has no DST, but the
 * conversions are right for any zone, since people may travel or an agency may sit abroad.
 */
import { isoWeekOf, isoWeekday, isValidCivilDate, pad2, utcMs } from './civil-date.js';
import type { CivilDate } from './civil-date.js';

const DAY_MS = 86_400_000;

/** A civil date and wall-clock time; second and millisecond default to 0. */
export interface LocalDateTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
  readonly millisecond?: number;
}

/** The local parts of an instant; weekday is ISO (1 = Monday … 7 = Sunday). */
export interface LocalParts extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: number;
}

// Intl.DateTimeFormat construction is slow; one formatter per zone is reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows `timeZone` as an IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The last instants asked for, by zone and whole second: handling one event asks for the same
 * "now" in the same zone many times (performance year, dates in messages), and Intl's
 * formatToParts is among the costlier things on that path.
 */
const recentParts = new Map<string, Omit<LocalParts, 'millisecond'>>();
const RECENT_PARTS_MAX = 512;

/** The wall-clock date and time of an instant in an IANA time zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const ms = instant.getTime();
  const key = `${timeZone}|${Math.floor(ms / 1000)}`;
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const known = recentParts.get(key);
  if (known) return { ...known, millisecond };
  const parts = computeLocalParts(instant, timeZone);
  if (recentParts.size >= RECENT_PARTS_MAX) recentParts.clear();
  recentParts.set(key, parts);
  return { ...parts, millisecond };
}

function computeLocalParts(instant: Date, timeZone: string): Omit<LocalParts, 'millisecond'> {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const date = { year: fields.year ?? NaN, month: fields.month ?? NaN, day: fields.day ?? NaN };
  return {
    ...date,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
    weekday: isoWeekday(date),
  };
}
// (Zone offsets are whole seconds, so the millisecond is the same everywhere: it is added per call.)

/** The civil date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): CivilDate {
  const { year, month, day } = localParts(instant, timeZone);
  return { year, month, day };
}

/** Offset of the zone from UTC at an instant, in milliseconds (WIB: +25 200 000). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = localParts(new Date(epochMs), timeZone);
  const asUtc = utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond);
  return asUtc - epochMs;
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`. In a DST overlap the earlier
 * instant is chosen; a time skipped by a DST gap is moved forward by the gap (Temporal's
 * "compatible" rule), so 02:30 on a spring-forward night becomes 03:30.
 */
export function instantFromLocal(local: LocalDateTime, timeZone: string): Date {
  if (!isValidCivilDate(local) || !(local.hour >= 0 && local.hour <= 23) || !(local.minute >= 0 && local.minute <= 59)) {
    throw new RangeError(`Invalid local date-time: ${JSON.stringify(local)}`);
  }
  const wall = utcMs(local.year, local.month, local.day, local.hour, local.minute, local.second ?? 0, local.millisecond ?? 0);
  // Offsets a day either side cover any single transition near this wall time.
  const before = zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS, timeZone);
  const candidates = [...new Set([before, zoneOffsetMs(wall, timeZone), after])]
    .map((offset) => wall - offset)
    .filter((t) => zoneOffsetMs(t, timeZone) === wall - t)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return new Date(earliest);
  // In a gap: read the wall time with the offset in force before the transition.
  return new Date(wall - before);
}

/** ISO week key of an instant in the person's time zone, e.g. "2026-W48". */
export function isoWeekKey(instant: Date, timeZone: string): string {
  const { year, week } = isoWeekOf(localDate(instant, timeZone));
  return `${year}-W${pad2(week)}`;
}

/** Indonesia's zone labels by IANA name (Asia/Pontianak also keeps WIB). */
export const INDONESIAN_ZONE_LABELS: Readonly<Record<string, 'WIB' | 'WITA' | 'WIT'>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** IANA zone for each Indonesian alias. */
export const ZONE_ALIASES: Readonly<Record<'WIB' | 'WITA' | 'WIT', string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/** Label to show for a zone: WIB/WITA/WIT for Indonesian zones, otherwise the IANA name itself. */
export function zoneLabel(timeZone: string): string {
  return INDONESIAN_ZONE_LABELS[timeZone] ?? timeZone;
}

/** Reads a zone typed by a person or found in an import: "WIB", "wita", " WIT " or an IANA name; null if unknown. */
export function parseTimeZone(input: string): string | null {
  const text = input.trim();
  const alias = text.toUpperCase();
  if (alias === 'WIB' || alias === 'WITA' || alias === 'WIT') return ZONE_ALIASES[alias];
  if (text === '' || !isValidTimeZone(text)) return null;
  // Intl gives the canonical spelling, so "asia/makassar" is stored as "Asia/Makassar".
  return formatterFor(text).resolvedOptions().timeZone;
}

