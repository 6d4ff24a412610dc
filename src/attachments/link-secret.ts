/**
 * The key evidence links are signed with: EVIDENCE_LINK_SECRET when set (several instances must
 * share it), otherwise a random key made on first start and kept in DATA_DIR, so links handed out
 * keep working after a restart.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where the generated key lives under DATA_DIR. */
export const LINK_SECRET_FILE = 'evidence-link-secret';

export async function linkSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const path = join(dataDir, LINK_SECRET_FILE);
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
  if (existing !== null) return usable(existing, path);
  await mkdir(dirname(path), { recursive: true });
  // Written whole to a temporary file, then linked into place: two processes starting on one
  // DATA_DIR at once keep the first key, and neither ever reads a half-written one.
  const key = `${randomBytes(32).toString('base64url')}\n`;
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, key, { mode: 0o600 });
  try {
    await link(temporary, path).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return;
      // A filesystem without hard links (some network volumes): exclusive create, nearly as good.
      await writeFile(path, key, { flag: 'wx', mode: 0o600 }).catch((second: NodeJS.ErrnoException) => {
        if (second.code !== 'EEXIST') throw second;
      });
    });
  } finally {
    await rm(temporary, { force: true });
  }
  return usable(await readFile(path, 'utf8'), path);
}

function usable(text: string, path: string): string {
  const secret = text.trim();
  if (secret.length < 32) throw new Error(`${path} holds no usable key (fewer than 32 characters): delete it to make a new one`);
  return secret;
}
