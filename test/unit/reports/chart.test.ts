import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { ChartOptions, ParticipationBar } from '../../../src/reports/chart.js';
import { chartLayout, chartSvg, escapeXml, renderParticipationChart } from '../../../src/reports/chart.js';

const id: ChartOptions = { title: 'Partisipasi check-in', subtitle: 'Minggu 12–16 Mei', locale: 'id' };
const en: ChartOptions = { title: 'Check-in participation', locale: 'en' };
const bar = (label: string, answered: number, missed: number, onLeave: number, lastWeekRate?: number): ParticipationBar =>
  lastWeekRate === undefined ? { label, answered, missed, onLeave } : { label, answered, missed, onLeave, lastWeekRate };

/** Width and height from the IHDR chunk, which a PNG must start with right after its signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Decodes the PNG by letting resvg draw it as an embedded image, 1:1, and returns its RGBA pixels. */
function pixels(png: Buffer, width: number, height: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">` +
    `<image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

function hasColour(rgba: Buffer, [r, g, b]: [number, number, number]): boolean {
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i] === r && rgba[i + 1] === g && rgba[i + 2] === b) return true;
  return false;
}

describe('renderParticipationChart', () => {
  it('draws a PNG of the laid-out size with the answered colour in it', async () => {
    const bars = [bar('Seksi Pengembangan Aplikasi', 9, 1, 0, 0.8), bar('Sekretariat', 18, 3, 2)];
    const png = await renderParticipationChart(bars, id);
    const size = pngSize(png);
    expect(size).toEqual({ width: 900, height: chartLayout(bars, id).height });
    const rgba = pixels(png, size.width, size.height);
    expect([...rgba.subarray(0, 4)]).toEqual([255, 255, 255, 255]); // white background, top-left corner
    expect(hasColour(rgba, [0x00, 0x72, 0xb2])).toBe(true); // answered
    expect(hasColour(rgba, [0xd5, 0x5e, 0x00])).toBe(true); // missed
  });

  it('says there is no data yet when there are no bars', async () => {
    const png = await renderParticipationChart([], en);
    const { width, height } = pngSize(png);
    expect(width).toBe(900);
    expect(height).toBeGreaterThan(100);
    expect(hasColour(pixels(png, width, height), [0x00, 0x72, 0xb2])).toBe(false);
    expect(chartSvg([], en)).toContain('No data yet');
    expect(chartSvg([], id)).toContain('Belum ada data');
  });

  it('renders awkward text (markup, emoji, accents, control characters, lone surrogates) without failing', async () => {
    const bars = [bar('<script>&amp; 😀👩‍💻 José Muñoz', 1, 1, 0), bar('nul\u0000 lone\uD800 tab\t', 0, 0, 0)];
    const png = await renderParticipationChart(bars, { ...id, title: 'A & B <c>', subtitle: '"é" \'ñ\'' });
    expect(pngSize(png).width).toBe(900);
  });

  it('gives a taller image for more bars, up to maxBars + 1', async () => {
    const many = Array.from({ length: 200 }, (_, i) => bar(`Unit ${i}`, i % 7, 1, 0));
    const heights = await Promise.all([1, 16].map(async (n) => pngSize(await renderParticipationChart(many.slice(0, n), en)).height));
    expect(heights[1]).toBeGreaterThan(heights[0]!);
    expect(pngSize(await renderParticipationChart(many, en)).height).toBe(heights[1]);
  });
});

describe('chartLayout', () => {
  it('has the legend in the chosen language', () => {
    expect(chartLayout([], id).legend).toEqual({ answered: 'Menjawab', missed: 'Terlewat', onLeave: 'Cuti/libur', lastWeek: 'Minggu lalu' });
    expect(chartLayout([], en).legend).toEqual({ answered: 'Answered', missed: 'Missed', onLeave: 'On leave/holiday', lastWeek: 'Last week' });
  });

  it('has no rows and a message for no bars, one row for one bar', () => {
    expect(chartLayout([], id)).toMatchObject({ rows: [], emptyMessage: 'Belum ada data' });
    const one = chartLayout([bar('Sekretariat', 2, 0, 1)], id);
    expect(one.emptyMessage).toBeUndefined();
    expect(one.rows).toMatchObject([{ label: 'Sekretariat', headcount: 3, headcountText: '3 pegawai', groupedUnits: 0 }]);
  });

  it('gives shares of the headcount as whole percentages adding up to 100', () => {
    const [row] = chartLayout([bar('A', 3, 1, 0)], en).rows;
    expect(row!.percent).toEqual({ answered: 75, missed: 25, onLeave: 0 });
    const [thirds] = chartLayout([bar('B', 1, 1, 1)], en).rows;
    const p = thirds!.percent;
    expect(p.answered + p.missed + p.onLeave).toBe(100);
    expect([p.answered, p.missed, p.onLeave].sort()).toEqual([33, 33, 34]);
  });

  it('divides nothing by zero for a unit with nobody in it', () => {
    const [row] = chartLayout([bar('Seksi Baru', 0, 0, 0, 0.5)], id).rows;
    expect(row).toMatchObject({ headcount: 0, percent: { answered: 0, missed: 0, onLeave: 0 }, note: 'tidak ada pegawai' });
    expect(chartSvg([bar('Seksi Baru', 0, 0, 0)], id)).not.toMatch(/NaN|Infinity/);
  });

  it('keeps the largest maxBars units in the given order and sums the rest into one bar', () => {
    // Unit i has i people, so units 185..199 are the 15 largest.
    const bars = Array.from({ length: 200 }, (_, i) => bar(`Unit ${i}`, i, 0, 0, 0.5));
    const rows = chartLayout(bars, id).rows;
    expect(rows).toHaveLength(16);
    expect(rows.slice(0, 15).map((r) => r.label)).toEqual(Array.from({ length: 15 }, (_, i) => `Unit ${185 + i}`));
    const others = rows[15]!;
    expect(others).toMatchObject({ label: 'Lainnya (185 unit)', groupedUnits: 185, headcount: (184 * 185) / 2, lastWeekRate: 0.5 });

    const few = chartLayout(bars.slice(0, 7).reverse(), { ...en, maxBars: 5 }).rows;
    expect(few.map((r) => r.label)).toEqual(['Unit 6', 'Unit 5', 'Unit 4', 'Unit 3', 'Unit 2', 'Others (2 units)']);
    expect(few[5]).toMatchObject({ headcount: 1, answered: 1 });
    expect(chartLayout(bars.slice(0, 5), { ...en, maxBars: 5 }).rows).toHaveLength(5);
  });

  it('truncates very long labels with an ellipsis without splitting a character', () => {
    const long = 'Bidang Infrastruktur dan Keamanan Informasi Pemerintah Daerah Provinsi Jawa Tengah dan Sekitarnya';
    const [row] = chartLayout([bar(long, 1, 0, 0)], id).rows;
    expect(row!.label).toMatch(/^Bidang Infrastruktur .*…$/);
    expect(row!.label.length).toBeLessThan(long.length);

    const emoji = '👩‍💻'.repeat(100);
    const cut = chartLayout([bar(emoji, 1, 0, 0)], en).rows[0]!.label;
    expect(cut.endsWith('👩‍💻…')).toBe(true);
    expect(cut.slice(0, -1).replaceAll('👩‍💻', '')).toBe('');
  });

  it('cleans control characters and clamps odd numbers', () => {
    const [row] = chartLayout([{ label: ' a\nb\u0000c ', answered: -2, missed: Number.NaN, onLeave: 2.4, lastWeekRate: 7 }], en).rows;
    expect(row).toMatchObject({ label: 'a b c', answered: 0, missed: 0, onLeave: 2, lastWeekRate: 1 });
    expect(chartLayout([bar('  ', 1, 0, 0)], id).rows[0]!.label).toBe('(tanpa nama)');
  });
});

describe('chartSvg', () => {
  it('escapes labels, title and subtitle for XML', () => {
    const svg = chartSvg([bar('<script>&"x\' 😀', 1, 0, 0)], { title: 'T&C <b>', subtitle: 'a<b', locale: 'en' });
    expect(svg).toContain('&lt;script&gt;&amp;&quot;x&apos; 😀');
    expect(svg).toContain('T&amp;C &lt;b&gt;');
    expect(svg).toContain('a&lt;b');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('draws the last-week marker and its legend only when some unit has a rate', () => {
    expect(chartSvg([bar('A', 1, 0, 0)], en)).not.toContain('Last week');
    expect(chartSvg([bar('A', 1, 0, 0, 0.4)], en)).toContain('Last week');
  });
});
