import { describe, expect, it } from 'vitest';
import { Batcher } from '../../../src/delivery/batcher.js';

describe('Batcher', () => {
  it('runs calls made together as one batch and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(async (inputs) => {
      batches.push(inputs);
      return inputs.map((n) => n * 10);
    });
    const results = await Promise.all([1, 2, 3].map((n) => batcher.call(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('collects calls made while a batch runs into the next batch, never two batches at once', async () => {
    const batches: number[][] = [];
    let running = 0;
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const batcher = new Batcher<number, number>(async (inputs) => {
      expect(++running).toBe(1);
      batches.push(inputs);
      if (batches.length === 1) await first;
      running--;
      return inputs;
    });
    const a = batcher.call(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [2, 3, 4].map((n) => batcher.call(n));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await Promise.all([a, ...rest])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('splits at the maximum size', async () => {
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>(async (inputs) => (sizes.push(inputs.length), inputs), 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.call(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it("rejects every call of a failed batch and goes on with the next", async () => {
    let fail = true;
    const batcher = new Batcher<number, number>(async (inputs) => {
      if (fail) throw new Error('database gone');
      return inputs;
    });
    const failed = await Promise.allSettled([batcher.call(1), batcher.call(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.call(3)).toBe(3);
  });
});
