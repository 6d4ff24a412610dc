/**
 * A mutasi in the example organisation, as HR's next file writes it: Dimas Saputra moves from the
 * Subbagian Umum dan Kepegawaian (PPK Hendra Wijaya) to the Subbagian Keuangan (PPK Rina Marlina),
 * effective on `effective` (column tanggal_efektif; empty: the import's date).
 */
import { readFileSync } from 'node:fs';
import { tempFile } from './files.js';

export const DIMAS = '199409232018011002';
export const HENDRA = '198506302009031002';
export const RINA = '198711052010012003';
export const SITI = '197708222003122002';

/** The example file with Dimas moved, and extra changes per NIP ("column=value"). */
export function exampleWithDimasMoved(effective: string, changes: Record<string, Record<string, string>> = {}): string {
  const [header = '', ...lines] = readFileSync('examples/organisasi-contoh.csv', 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  const moved: Record<string, Record<string, string>> = { [DIMAS]: { unit: 'Subbagian Keuangan', nip_atasan: RINA, tanggal_efektif: effective }, ...changes };
  const rows = lines.map((line) => {
    // The example quotes only pangkat cells ("Penata, III/c"); keep them whole.
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '')).slice(0, columns.length);
    const nip = cells[0] ?? '';
    const change = { ...moved[nip] };
    const out = columns.map((column, i) => change[column] ?? cells[i] ?? '');
    return [...out, change['tanggal_efektif'] ?? ''].join(',');
  });
  return tempFile('organisasi-mutasi.csv', [[...columns, 'tanggal_efektif'].join(','), ...rows].join('\n') + '\n');
}
