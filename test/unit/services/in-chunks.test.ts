/** Long `in` lists are queried in chunks below PostgreSQL's parameter limit, and nothing is lost. */
import { describe, expect, it } from 'vitest';
import { IN_CHUNK, inChunks } from '../../../src/services/db.js';

describe('inChunks', () => {
  it('splits 25,001 ids into chunks of at most IN_CHUNK and joins the results in order', async () => {
    const ids = Array.from({ length: 25_001 }, (_, i) => `id-${i}`);
    const sizes: number[] = [];
    const rows = await inChunks(ids, async (chunk) => {
      sizes.push(chunk.length);
      return chunk.map((id) => ({ id }));
    });
    expect(sizes).toEqual([IN_CHUNK, IN_CHUNK, 5_001]);
    expect(IN_CHUNK).toBeLessThan(32_767);
    expect(rows.map((row) => row.id)).toEqual(ids);
  });

  it('asks nothing for an empty list', async () => {
    expect(await inChunks([], () => Promise.reject(new Error('no query expected')))).toEqual([]);
  });
});
