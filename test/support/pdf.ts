/** A PDF's text, read by pdftotext (Debian's poppler-utils), for assertions on documents the bot sent. */
import { execFileSync } from 'node:child_process';
import { tempFile } from './files.js';

export function pdfText(bytes: Buffer): string {
  assertPdf(bytes);
  return execFileSync('pdftotext', ['-layout', tempFile('document.pdf', bytes), '-'], { encoding: 'utf8' });
}

/** Every PDF starts with "%PDF-". */
function assertPdf(bytes: Buffer): void {
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
}
