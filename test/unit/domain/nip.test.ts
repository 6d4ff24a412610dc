import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatNip, nipProblemMessage, normalizeNip } from '../../../src/domain/nip.js';

const NIP = '199001012015011001';
const digits18 = fc.array(fc.constantFrom(...'0123456789'), { minLength: 18, maxLength: 18 }).map((d) => d.join(''));

describe('normalizeNip', () => {
  it('accepts 18 digits as they are', () => {
    expect(normalizeNip(NIP)).toEqual({ ok: true, nip: NIP });
  });

  it('strips ordinary, no-break and surrounding white space', () => {
    expect(normalizeNip('19900101 201501 1 001')).toEqual({ ok: true, nip: NIP });
    expect(normalizeNip('19900101\u00A0201501\u00A01\u00A0001')).toEqual({ ok: true, nip: NIP });
    expect(normalizeNip(`\t ${NIP}\n`)).toEqual({ ok: true, nip: NIP });
  });

  it('reports an empty or blank value', () => {
    expect(normalizeNip('')).toEqual({ ok: false, reason: 'EMPTY' });
    expect(normalizeNip('   \u00A0 ')).toEqual({ ok: false, reason: 'EMPTY' });
  });

  it('reports a number that is not 18 digits long', () => {
    expect(normalizeNip(NIP.slice(0, 17))).toEqual({ ok: false, reason: 'NOT_18_DIGITS' });
    expect(normalizeNip(`${NIP}0`)).toEqual({ ok: false, reason: 'NOT_18_DIGITS' });
  });

  it('does not tolerate dots, dashes, letters or inner tabs', () => {
    for (const raw of ['19900101.201501.1.001', '19900101-201501-1-001', 'NIP199001012015011001', '19900101\t2015011001', '١٩٩٠٠١٠١٢٠١٥٠١١٠٠١']) {
      expect(normalizeNip(raw)).toEqual({ ok: false, reason: 'NOT_DIGITS' });
    }
  });

  it('recognises numbers a spreadsheet printed in scientific notation', () => {
    for (const raw of ['1.99001E+17', '1,99001E+17', '1.99001e17', ' 1.99001012015011E+17 ', '2E+17']) {
      expect(normalizeNip(raw)).toEqual({ ok: false, reason: 'SCIENTIFIC_NOTATION' });
    }
  });

  it('normalises any 18 digits with spaces inserted anywhere back to the digits', () => {
    const spaces = fc.array(fc.constantFrom('', ' ', '  ', '\u00A0', '\u202F'), { minLength: 19, maxLength: 19 });
    fc.assert(
      fc.property(digits18, spaces, (nip, gaps) => {
        const raw = gaps.map((gap, i) => gap + (nip[i] ?? '')).join('');
        expect(normalizeNip(raw)).toEqual({ ok: true, nip });
      }),
    );
  });

  it('accepts exactly the strings that are 18 digits once spaces are removed', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 .-eE+x'), maxLength: 24 }), (raw) => {
        const result = normalizeNip(raw);
        expect(result.ok).toBe(/^[0-9]{18}$/.test(raw.replaceAll(' ', '')));
      }),
    );
  });

  it('round-trips the customary grouping', () => {
    expect(formatNip(NIP)).toBe('19900101 201501 1 001');
    fc.assert(
      fc.property(digits18, (nip) => {
        expect(normalizeNip(formatNip(nip))).toEqual({ ok: true, nip });
      }),
    );
  });

  it('explains every problem in both languages', () => {
    expect(nipProblemMessage('NOT_18_DIGITS', 'id')).toBe('NIP/NI PPPK harus terdiri dari 18 angka.');
    for (const reason of ['EMPTY', 'NOT_18_DIGITS', 'NOT_DIGITS', 'SCIENTIFIC_NOTATION'] as const) {
      expect(nipProblemMessage(reason, 'en')).not.toBe(nipProblemMessage(reason, 'id'));
    }
  });
});
