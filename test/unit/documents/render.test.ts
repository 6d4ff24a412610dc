/**
 * The PDFs as files: a Dokumen Evaluasi renders to a page that is not blank (pdftoppm, from
 * Debian's poppler-utils), an SKP of 40 RHK breaks across pages (pdfinfo), and the ZIP of
 * documents opens with unzip.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderEvaluationDocument } from '../../../src/documents/evaluation-document.js';
import { renderSkpDocument } from '../../../src/documents/skp-document.js';
import { zip } from '../../../src/documents/zip.js';
import { evaluationData, skpData } from '../../support/document-data.js';

const dir = mkdtempSync(join(tmpdir(), 'dk-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const created = new Date('2026-04-10T03:00:00Z');

const pages = (file: string) => Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

/** The share of a PNG's pixels that are not white (8-bit RGB or gray, non-interlaced: what pdftoppm writes). */
function inkShare(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const channels = png[25] === 2 ? 3 : 1;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels + 1;
  let ink = 0;
  // Filter bytes aside, a white pixel stays 255 under filter 0 and 0 under "up"/"sub" filters of white neighbours: count bytes that are neither.
  for (let y = 0; y < height; y++) for (let x = 1; x < stride; x++) if (raw[y * stride + x] !== 255 && raw[y * stride + x] !== 0) ink++;
  return ink / (height * (stride - 1));
}

describe('the documents as PDF', () => {
  it('renders a Dokumen Evaluasi whose first page pdftoppm draws with ink on it', async () => {
    const pdf = join(dir, 'evaluasi.pdf');
    writeFileSync(pdf, await renderEvaluationDocument(evaluationData(), created));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(dir, 'evaluasi')]);
    const png = readFileSync(join(dir, 'evaluasi-1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(497); // A4 at 60 dpi: 595 pt wide
    expect(inkShare(png)).toBeGreaterThan(0.01);
    expect(execFileSync('pdftotext', ['-l', '1', pdf, '-'], { encoding: 'utf8' })).toMatch(/DOKUMEN EVALUASI KINERJA PEGAWAI[\s\S]*Siti Rahmawati, S\.E\./);
  });

  it('breaks an SKP of 40 RHK across pages, repeating the table’s header on each', async () => {
    const pdf = join(dir, 'skp.pdf');
    writeFileSync(pdf, await renderSkpDocument(skpData(40), created));
    const count = pages(pdf);
    expect(count).toBeGreaterThan(2);
    const text = execFileSync('pdftotext', ['-f', '3', '-l', '3', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/^HASIL KERJA\nNO\n\nRENCANA HASIL\s+KERJA PIMPINAN/);
    expect(text).toMatch(new RegExp(`Halaman 3 dari ${count}`));
    // Every RHK made it in, the last on the page before the Lampiran.
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toMatch(/perencanaan\s+nomor\s+40\s+yang/);
  });

  it('zips documents so that unzip lists and tests them', async () => {
    const bytes = await renderSkpDocument(skpData(1), created);
    const file = join(dir, 'dokumen.zip');
    writeFileSync(file, zip([{ name: 'skp-2026-1.pdf', bytes }, { name: 'catatan.txt', bytes: Buffer.from('isi') }], created));
    expect(execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n')).toEqual(['skp-2026-1.pdf', 'catatan.txt']);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    expect(execFileSync('unzip', ['-p', file, 'catatan.txt'], { encoding: 'utf8' })).toBe('isi');
  });
});
