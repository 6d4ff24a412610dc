import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, parseInput, parseNumber, type ParseSpec } from '../../../src/conversation/inputs.js';

const today = { year: 2026, month: 11, day: 27 };
const spec = (over: Partial<ParseSpec>): ParseSpec => ({
  kind: 'text',
  optional: false,
  options: [],
  maxLength: 2000,
  locale: 'id',
  today,
  ...over,
});
const options = [
  { value: 'a', label: 'Apresiasi' },
  { value: 'b', label: 'Saran perbaikan' },
  { value: 'c', label: 'Lainnya' },
];

describe('reading answers', () => {
  it('reads numbers the way Indonesians and English speakers type them', () => {
    expect(parseNumber('12', 'id')).toBe(12);
    expect(parseNumber('12,5', 'id')).toBe(12.5);
    expect(parseNumber('12.5', 'id')).toBe(12.5);
    expect(parseNumber('1.250.000', 'id')).toBe(1_250_000);
    expect(parseNumber('1.250.000,75', 'id')).toBe(1_250_000.75);
    expect(parseNumber('1,250,000', 'en')).toBe(1_250_000);
    expect(parseNumber('-3', 'en')).toBe(-3);
    for (const bad of ['dua', '12a', '', '1..2', '1,2,3']) expect(parseNumber(bad, 'id'), bad).toBeUndefined();
  });

  it('reads any integer typed plainly, in either language', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom('id' as const, 'en' as const), (n, locale) => {
      expect(parseNumber(String(n), locale)).toBe(n);
    }));
  });

  it('reads dates as ISO, day-month-year, today and yesterday, and refuses impossible dates', () => {
    expect(parseDate('2026-03-01', today)).toBe('2026-03-01');
    expect(parseDate('1-3-2026', today)).toBe('2026-03-01');
    expect(parseDate('01/03/2026', today)).toBe('2026-03-01');
    expect(parseDate('hari ini', today)).toBe('2026-11-27');
    expect(parseDate('Kemarin', today)).toBe('2026-11-26');
    expect(parseDate('31-02-2026', today)).toBeUndefined();
    expect(parseDate('besok lusa', today)).toBeUndefined();
  });

  it('picks a choice by number, by label or by button, and refuses anything else', () => {
    const choice = spec({ kind: 'choice', options });
    expect(parseInput({ type: 'text', text: '2' }, choice)).toEqual({ ok: true, value: 'b' });
    expect(parseInput({ type: 'text', text: 'saran PERBAIKAN' }, choice)).toEqual({ ok: true, value: 'b' });
    expect(parseInput({ type: 'choice', value: 'c' }, choice)).toEqual({ ok: true, value: 'c' });
    expect(parseInput({ type: 'text', text: '4' }, choice)).toEqual({ ok: false, error: { code: 'NOT_AN_OPTION', count: 3 } });
    expect(parseInput({ type: 'choice', value: 'forged' }, choice)).toEqual({ ok: false, error: { code: 'NOT_AN_OPTION', count: 3 } });
  });

  it('reads several choices in the options order, or all, or none', () => {
    const multi = spec({ kind: 'multi', options });
    expect(parseInput({ type: 'text', text: '3, 1' }, multi)).toEqual({ ok: true, value: ['a', 'c'] });
    expect(parseInput({ type: 'text', text: 'semua' }, multi)).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(parseInput({ type: 'text', text: 'tidak ada' }, multi)).toEqual({ ok: true, value: [] });
    expect(parseInput({ type: 'choice', value: 'all' }, multi)).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(parseInput({ type: 'text', text: '1, 9' }, multi).ok).toBe(false);
  });

  it('reads yes and no in both languages', () => {
    const confirm = spec({ kind: 'confirm' });
    for (const yes of ['ya', 'Y', 'iya', 'yes', 'OK']) expect(parseInput({ type: 'text', text: yes }, confirm)).toEqual({ ok: true, value: true });
    for (const no of ['tidak', 't', 'no']) expect(parseInput({ type: 'text', text: no }, confirm)).toEqual({ ok: true, value: false });
    expect(parseInput({ type: 'text', text: 'mungkin' }, confirm)).toEqual({ ok: false, error: { code: 'NOT_YES_NO' } });
  });

  it('takes files, photos and links as evidence, and nothing else', () => {
    const file = spec({ kind: 'file' });
    const doc = { kind: 'FILE' as const, externalFileId: 'f1', fileName: 'laporan.pdf' };
    expect(parseInput({ type: 'file', file: doc }, file)).toEqual({ ok: true, value: doc });
    expect(parseInput({ type: 'text', text: 'https://drive.example/x' }, file)).toEqual({ ok: true, value: { kind: 'LINK', url: 'https://drive.example/x' } });
    expect(parseInput({ type: 'text', text: 'lihat di drive' }, file)).toEqual({ ok: false, error: { code: 'EXPECTED_FILE' } });
    expect(parseInput({ type: 'file', file: doc }, spec({ kind: 'text' }))).toEqual({ ok: false, error: { code: 'EXPECTED_TEXT' } });
  });

  it('skips optional steps with "-" or the skip button, but never required ones', () => {
    expect(parseInput({ type: 'text', text: '-' }, spec({ optional: true }))).toEqual({ ok: true, value: null });
    expect(parseInput({ type: 'choice', value: '__skip__' }, spec({ optional: true, kind: 'file' }))).toEqual({ ok: true, value: null });
    expect(parseInput({ type: 'text', text: '-' }, spec({}))).toEqual({ ok: true, value: '-' });
    expect(parseInput({ type: 'choice', value: '__skip__' }, spec({ kind: 'choice', options }))).toMatchObject({ ok: false });
  });

  it('refuses empty and overlong text', () => {
    expect(parseInput({ type: 'text', text: '   ' }, spec({}))).toEqual({ ok: false, error: { code: 'EMPTY' } });
    expect(parseInput({ type: 'text', text: 'x'.repeat(2001) }, spec({}))).toEqual({ ok: false, error: { code: 'TOO_LONG', max: 2000, length: 2001 } });
  });
});
