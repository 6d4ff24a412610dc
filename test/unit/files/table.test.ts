import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/files/csv-write.js';
import { normaliseColumnName, readCsv } from '../../../src/files/table.js';

describe('reading CSV', () => {
  it('keeps the line number a person sees, skipping blank lines', () => {
    const table = readCsv('nip,nama\n1,Budi\n\n2,Siti\n');
    expect(table.rows).toEqual([
      { line: 2, cells: { nip: '1', nama: 'Budi' } },
      { line: 4, cells: { nip: '2', nama: 'Siti' } },
    ]);
  });

  it('detects comma, semicolon and tab separators', () => {
    for (const separator of [',', ';', '\t']) {
      expect(readCsv(`a${separator}b\n1${separator}2\n`).rows[0]?.cells).toEqual({ a: '1', b: '2' });
    }
  });

  it('strips a byte-order mark, trims cells and normalises column names', () => {
    const table = readCsv('\uFEFF NIP Atasan ;Unit-Induk\n 123 ; Dinas \n');
    expect(table.columns).toEqual(['nip_atasan', 'unit_induk']);
    expect(table.rows[0]?.cells).toEqual({ nip_atasan: '123', unit_induk: 'Dinas' });
  });

  it('reads quoted fields with separators and line breaks inside', () => {
    expect(readCsv('a,b\n"x, y","line\nbreak"\n').rows[0]?.cells).toEqual({ a: 'x, y', b: 'line\nbreak' });
  });

  it('names columns the way the import expects', () => {
    expect(normaliseColumnName('Zona Waktu')).toBe('zona_waktu');
  });
});

describe('writing CSV', () => {
  it('quotes fields that need it and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
  });

  it('ends every line with CRLF', () => {
    expect(toCsv(['a'], [['1']])).toBe('a\r\n1\r\n');
  });
});
