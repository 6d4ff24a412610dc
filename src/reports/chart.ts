/**
 * Check-in participation per unit as a PNG for the HR weekly digest (Telegram now, Slack later).
 *
 * How: the chart is an SVG string built here and rasterised by @resvg/resvg-js. Chosen over
 * @napi-rs/canvas because it is far smaller (about 4 MB of prebuilt binary against 35 MB) while
 * both ship their binaries as per-platform optionalDependencies with no install script, and
 * because an SVG string can be checked in tests without pixels; over pure JS (pngjs and a bitmap
 * font) because that cannot draw Indonesian names with accents legibly. SVG has no text
 * measuring, so text widths are estimated, erring wide, from DejaVu Sans's advance widths.
 *
 * Font: DejaVu Sans (regular and bold) from the npm package dejavu-fonts-ttf, a dependency, so
 * every machine renders the same glyphs whatever fonts it has; system fonts are not loaded.
 * Licence: Bitstream Vera licence, DejaVu changes in the public domain (its LICENSE file):
 * permissive, redistribution allowed. It covers Latin with accents, many symbols and some emoji;
 * a character it lacks (Chinese, most emoji) shows as an empty box and breaks nothing.
 *
 * Layout: each unit's name on its own line above a full-width bar, so that names stay legible
 * and mostly untruncated when a phone shrinks the 900 px image to its screen.
 */
import { createRequire } from 'node:module';

export interface ParticipationBar {
  /** Unit name; any Unicode, any length. */
  label: string;
  /** People who answered this week's check-in. */
  answered: number;
  /** People who missed it. */
  missed: number;
  /** People on leave or holiday, who were not prompted. */
  onLeave: number;
  /** 0–1, answered share last week, drawn as a marker for comparison. */
  lastWeekRate?: number;
}

export interface ChartOptions {
  title: string;
  subtitle?: string;
  locale: 'id' | 'en';
  /** Default 15; the smaller units are summed into one "Lainnya"/"Others" bar. */
  maxBars?: number;
}

/** One bar as drawn: sanitised counts and whole percentages of the headcount that add up to 100 (all 0 for nobody). */
export interface ChartRow {
  /** Cleaned of control characters, truncated with "…" to fit beside the headcount. */
  label: string;
  /** The headcount in words, e.g. "23 pegawai". */
  headcountText: string;
  answered: number;
  missed: number;
  onLeave: number;
  headcount: number;
  percent: { answered: number; missed: number; onLeave: number };
  lastWeekRate?: number;
  /** How many units the "Lainnya"/"Others" bar sums; 0 for a real unit. */
  groupedUnits: number;
  /** Written in place of the bar when the unit has nobody in it. */
  note?: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  title: string;
  subtitle?: string;
  legend: { answered: string; missed: string; onLeave: string; lastWeek: string };
  rows: ChartRow[];
  /** Set instead of rows when there is nothing to draw. */
  emptyMessage?: string;
}

const TEXT = {
  id: {
    answered: 'Menjawab', missed: 'Terlewat', onLeave: 'Cuti/libur', lastWeek: 'Minggu lalu',
    empty: 'Belum ada data', noStaff: 'tidak ada pegawai', unnamed: '(tanpa nama)',
    people: (n: number) => `${n} pegawai`,
    others: (n: number) => `Lainnya (${n} unit)`,
  },
  en: {
    answered: 'Answered', missed: 'Missed', onLeave: 'On leave/holiday', lastWeek: 'Last week',
    empty: 'No data yet', noStaff: 'no staff', unnamed: '(unnamed)',
    people: (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`,
    others: (n: number) => `Others (${n} unit${n === 1 ? '' : 's'})`,
  },
} as const;

// Okabe–Ito blue and vermillion: told apart with any colour vision; grey for "not prompted".
const COLOUR = { answered: '#0072B2', missed: '#D55E00', onLeave: '#C8C8C8', marker: '#111111', text: '#222222', muted: '#666666' };
const KEYS = ['answered', 'missed', 'onLeave'] as const;

// Geometry in px. Telegram shows the image about 2.3 times smaller on a phone, hence text of 15 px and more.
const WIDTH = 900;
const PAD = 24;
const INNER = WIDTH - 2 * PAD;
const TITLE_SIZE = 28;
const SUBTITLE_SIZE = 18;
const LABEL_SIZE = 18;
const PERCENT_SIZE = 15;
const ROW_H = 68; // label line, bar, gap
const BAR_OFFSET = 32; // from the row's top to the bar's
const BAR_H = 26;
const headerHeight = (subtitle: boolean) => PAD + TITLE_SIZE + (subtitle ? 30 : 0) + 52;

/** Rows to draw: at most maxBars units, the largest by headcount in the caller's order, then one bar summing the rest. */
export function chartLayout(bars: ParticipationBar[], options: ChartOptions): ChartLayout {
  const t = TEXT[options.locale];
  const maxBars = Number.isFinite(options.maxBars) ? Math.max(1, Math.floor(options.maxBars ?? 15)) : 15;
  const units = bars.map((b) => ({
    label: cleanText(b.label) || t.unnamed,
    answered: count(b.answered),
    missed: count(b.missed),
    onLeave: count(b.onLeave),
    lastWeekRate: rate(b.lastWeekRate),
  }));
  const size = (u: (typeof units)[number]) => u.answered + u.missed + u.onLeave;

  let shown = units;
  const grouped = units.length > maxBars ? units.length - maxBars : 0;
  if (grouped > 0) {
    const ranked = units.map((u, i) => ({ u, i })).sort((a, b) => size(b.u) - size(a.u) || a.i - b.i);
    const kept = new Set(ranked.slice(0, maxBars).map((r) => r.i));
    const rest = units.filter((_, i) => !kept.has(i));
    // Last week's rate of the rest: their rates weighted by this week's headcount, an approximation.
    const rated = rest.filter((u) => u.lastWeekRate !== undefined);
    const weight = rated.reduce((s, u) => s + size(u), 0);
    shown = units.filter((_, i) => kept.has(i));
    shown.push({
      label: t.others(rest.length),
      answered: rest.reduce((s, u) => s + u.answered, 0),
      missed: rest.reduce((s, u) => s + u.missed, 0),
      onLeave: rest.reduce((s, u) => s + u.onLeave, 0),
      lastWeekRate: weight > 0 ? rated.reduce((s, u) => s + (u.lastWeekRate ?? 0) * size(u), 0) / weight : undefined,
    });
  }

  const rows = shown.map((u, i): ChartRow => {
    const headcount = size(u);
    const [answered = 0, missed = 0, onLeave = 0] = percentages([u.answered, u.missed, u.onLeave], headcount);
    const headcountText = t.people(headcount);
    const row: ChartRow = {
      label: truncate(u.label, INNER - estimateWidth(headcountText, LABEL_SIZE) - 16, LABEL_SIZE),
      headcountText,
      answered: u.answered, missed: u.missed, onLeave: u.onLeave, headcount,
      percent: { answered, missed, onLeave },
      groupedUnits: grouped > 0 && i === shown.length - 1 ? grouped : 0,
    };
    if (u.lastWeekRate !== undefined) row.lastWeekRate = u.lastWeekRate;
    if (headcount === 0) row.note = t.noStaff;
    return row;
  });

  const subtitle = cleanText(options.subtitle ?? '');
  const layout: ChartLayout = {
    width: WIDTH,
    height: headerHeight(subtitle !== '') + (rows.length === 0 ? 60 : rows.length * ROW_H) + PAD,
    title: truncate(cleanText(options.title), INNER, TITLE_SIZE, true),
    legend: { answered: t.answered, missed: t.missed, onLeave: t.onLeave, lastWeek: t.lastWeek },
    rows,
  };
  if (subtitle !== '') layout.subtitle = truncate(subtitle, INNER, SUBTITLE_SIZE);
  if (rows.length === 0) layout.emptyMessage = t.empty;
  return layout;
}

/** The chart as an SVG document; all text is XML-escaped. */
export function chartSvg(bars: ParticipationBar[], options: ChartOptions): string {
  const l = chartLayout(bars, options);
  const out: string[] = [`<rect width="${l.width}" height="${l.height}" fill="#FFFFFF"/>`];
  let y = PAD + TITLE_SIZE;
  out.push(text(PAD, y, TITLE_SIZE, l.title, ' font-weight="bold"'));
  if (l.subtitle !== undefined) out.push(text(PAD, (y += 30), SUBTITLE_SIZE, l.subtitle, ` fill="${COLOUR.muted}"`));
  y += 40; // legend baseline

  if (l.emptyMessage !== undefined) {
    out.push(text(l.width / 2, y + 20, 22, l.emptyMessage, ` text-anchor="middle" fill="${COLOUR.muted}"`));
  } else {
    let x = PAD;
    for (const key of KEYS) {
      out.push(`<rect x="${x}" y="${y - 14}" width="16" height="16" fill="${COLOUR[key]}"/>`);
      out.push(text(x + 22, y, LABEL_SIZE, l.legend[key]));
      x += 22 + estimateWidth(l.legend[key], LABEL_SIZE) + 24;
    }
    if (l.rows.some((r) => r.lastWeekRate !== undefined)) {
      out.push(`<path d="M${x} ${y - 18}h14l-7 9zM${x} ${y + 6}h14l-7 -9z" fill="${COLOUR.marker}"/>`);
      out.push(text(x + 22, y, LABEL_SIZE, l.legend.lastWeek));
    }
    y += 12;
    for (const row of l.rows) {
      out.push(...drawRow(row, y));
      y += ROW_H;
    }
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}"` +
    ` font-family="DejaVu Sans" fill="${COLOUR.text}">${out.join('')}</svg>`
  );
}

/** The chart as a PNG. Rasterising runs on libuv's thread pool, not the event loop. */
export async function renderParticipationChart(bars: ParticipationBar[], options: ChartOptions): Promise<Buffer> {
  // The native rasteriser is loaded with the first chart (a digest), not by every process that might draw one.
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(chartSvg(bars, options), {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}

function drawRow(row: ChartRow, top: number): string[] {
  const out = [
    text(PAD, top + LABEL_SIZE, LABEL_SIZE, row.label),
    text(WIDTH - PAD, top + LABEL_SIZE, LABEL_SIZE, row.headcountText, ` text-anchor="end" fill="${COLOUR.muted}"`),
  ];
  const barY = top + BAR_OFFSET;
  const baseline = barY + BAR_H / 2 + PERCENT_SIZE * 0.36; // centres digits on the bar
  if (row.headcount === 0) {
    out.push(`<rect x="${PAD}" y="${barY}" width="${INNER}" height="${BAR_H}" fill="none" stroke="${COLOUR.onLeave}" stroke-dasharray="6 4"/>`);
    out.push(text(PAD + 10, baseline, PERCENT_SIZE, row.note ?? '', ` fill="${COLOUR.muted}"`));
  }
  let x = PAD;
  for (const key of row.headcount === 0 ? [] : KEYS) {
    const w = (row[key] / row.headcount) * INNER;
    if (w <= 0) continue;
    out.push(`<rect x="${x.toFixed(1)}" y="${barY}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${COLOUR[key]}"/>`);
    const share = `${row.percent[key]}%`;
    // The share is printed only where it fits inside its segment.
    if (estimateWidth(share, PERCENT_SIZE, true) + 8 <= w) {
      const fill = key === 'onLeave' ? COLOUR.text : '#FFFFFF';
      out.push(text(+(x + w / 2).toFixed(1), baseline, PERCENT_SIZE, share, ` font-weight="bold" text-anchor="middle" fill="${fill}"`));
    }
    x += w;
  }
  if (row.lastWeekRate !== undefined) {
    const mx = +(PAD + row.lastWeekRate * INNER).toFixed(1);
    const bottom = barY + BAR_H;
    // Notches pointing at the bar from above and below, not a line across it, which would hide a printed share.
    out.push(`<path d="M${mx - 6} ${barY - 8}h12l-6 8zM${mx - 6} ${bottom + 8}h12l-6 -8z" fill="${COLOUR.marker}"/>`);
  }
  return out;
}

const text = (x: number, y: number, size: number, s: string, attrs = '') =>
  `<text x="${x}" y="${y}" font-size="${size}"${attrs}>${escapeXml(s)}</text>`;

/** Whole percentages adding up to 100 (largest remainder); all 0 when the total is 0. */
function percentages(counts: number[], total: number): number[] {
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const result = exact.map(Math.floor);
  let left = 100 - result.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
  }
  return result;
}

const count = (n: number) => (Number.isFinite(n) && n > 0 ? Math.round(n) : 0);
const rate = (r: number | undefined) => (r !== undefined && Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : undefined);

/** One line of drawable text: control characters become spaces; lone surrogates and U+FFFE/U+FFFF, which XML forbids, become U+FFFD. */
function cleanText(s: string): string {
  return String(s)
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[\p{Cs}\uFFFE\uFFFF]/gu, '\uFFFD')
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeXml(s: string): string {
  const entity: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
  return s.replace(/[<>&"']/g, (c) => entity[c] ?? c);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Upper bounds of DejaVu Sans advance widths in em by class of character, measured with resvg:
 * "r" 0.40, other lower case up to 0.63, capitals up to 0.79, "W" 0.99, emoji 1.04. Bold is about 10 % wider.
 */
function graphemeWidth(g: string): number {
  if (/^[fijlrtI.,:;'!|()[\]{}\- ]$/.test(g)) return 0.4;
  if (/^[mwMW@%…]$/.test(g)) return 1.0;
  if (/^\p{Lu}/u.test(g)) return 0.8;
  if ((g.codePointAt(0) ?? 0) >= 0x2e80 || /\p{Extended_Pictographic}/u.test(g)) return 1.05;
  return 0.65;
}

function estimateWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const { segment } of segmenter.segment(s)) em += graphemeWidth(segment);
  return em * size * (bold ? 1.1 : 1);
}

/** Cuts whole graphemes (an emoji or accented letter is never split) and adds "…" when s would be wider than max px. */
function truncate(s: string, max: number, size: number, bold = false): string {
  if (estimateWidth(s, size, bold) <= max) return s;
  const room = max - estimateWidth('…', size, bold);
  let out = '';
  let width = 0;
  for (const { segment } of segmenter.segment(s)) {
    width += graphemeWidth(segment) * size * (bold ? 1.1 : 1);
    if (width > room) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

let fonts: string[] | undefined;
function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  fonts ??= ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
  return fonts;
}
