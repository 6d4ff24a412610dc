/** The zero-configuration attachment store: files under DATA_DIR/attachments. */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertValidKey, type AttachmentStore, type StoredObject } from './store.js';

export function fileSystemStore(root: string): AttachmentStore {
  const pathOf = (key: string) => {
    assertValidKey(key);
    return join(root, ...key.split('/'));
  };
  const head = async (key: string): Promise<StoredObject | null> => {
    try {
      const info = await stat(pathOf(key));
      return info.isFile() ? { size: info.size, contentType: undefined } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  return {
    kind: 'filesystem',
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Written beside and renamed into place: a reader never sees half a file, a crash leaves only a stray temporary.
      const temporary = `${path}.part-${randomBytes(6).toString('hex')}`;
      try {
        await writeFile(temporary, bytes, { mode: 0o640 });
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    head,
    async get(key) {
      const found = await head(key);
      return found ? { ...found, body: createReadStream(pathOf(key)) } : null;
    },
  };
}
