/**
 * The virus-scanning hook: every downloaded evidence file passes `scan` before it is stored and
 * marked STORED. The default scans nothing. To plug in ClamAV, pass a scanner that streams the
 * bytes to clamd's INSTREAM command (TCP 3310) and answers `{ clean: false, reason: <signature> }`
 * on "FOUND" – see the README, "Evidence files". A scanner that throws makes the download job try
 * again later (the scanner being down is not a verdict).
 */

/** A scanner's verdict; `reason` is kept on the Evidence row (storageDetail). */
export type ScanVerdict = { clean: true } | { clean: false; reason: string };

export interface VirusScanner {
  /** Name for logs and the audit detail, e.g. "clamav". */
  readonly name: string;
  scan(bytes: Buffer, file: { evidenceId: string; fileName: string | null; contentType: string }): Promise<ScanVerdict>;
}

/** The default: no scanning. */
export const NO_SCANNING: VirusScanner = {
  name: 'none',
  scan: () => Promise.resolve({ clean: true }),
};
