/** Temporary files for tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'dk-test-'));

/** Writes `content` to a new temporary file called `name` and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(dir, 'f-')), name);
  writeFileSync(path, content);
  return path;
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'd-'): string {
  return mkdtempSync(join(dir, prefix));
}
