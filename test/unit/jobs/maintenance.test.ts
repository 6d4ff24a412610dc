import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Leadership } from '../../../src/jobs/leader.js';
import { advisoryLockKey } from '../../../src/jobs/leader.js';
import { Maintenance } from '../../../src/jobs/maintenance.js';
import type { SchedulerSpec } from '../../../src/jobs/runtime.js';
import { SchedulerSync } from '../../../src/jobs/scheduler-sync.js';

const logger = pino({ level: 'silent' });

/** A leadership the test hands out and takes away. */
function switchable(initially: boolean) {
  const state = { leads: initially, released: 0 };
  const leadership: Leadership = {
    hold: () => Promise.resolve(state.leads),
    release: () => Promise.resolve(void state.released++),
  };
  return { state, leadership };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the maintenance round', () => {
  it('runs nothing in an instance that does not lead, and every task in order in the one that does', async () => {
    const ran: string[] = [];
    const { state, leadership } = switchable(false);
    const tasks = ['a', 'b', 'c'].map((name) => ({ name, run: async () => void ran.push(name) }));
    const maintenance = new Maintenance(tasks, logger, { leadership });
    expect(await maintenance.runOnce()).toBe(false);
    expect(ran).toEqual([]);
    state.leads = true;
    expect(await maintenance.runOnce()).toBe(true);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(maintenance.leading).toBe(true);
  });

  it('goes on after a failing task', async () => {
    const ran: string[] = [];
    const tasks = [
      { name: 'fails', run: () => Promise.reject(new Error('Redis is down')) },
      { name: 'works', run: async () => void ran.push('works') },
    ];
    expect(await new Maintenance(tasks, logger).runOnce()).toBe(true);
    expect(ran).toEqual(['works']);
  });

  it('never runs two rounds of one instance at once', async () => {
    let running = 0;
    let most = 0;
    const task = {
      name: 'slow',
      run: async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
      },
    };
    const maintenance = new Maintenance([task], logger);
    await Promise.all([maintenance.runOnce(), maintenance.runOnce(), maintenance.runOnce()]);
    expect(most).toBe(1);
  });

  it('runs a round as soon as a stand-by gets the lead, then once per interval, and hands the lead back when stopped', async () => {
    vi.useFakeTimers();
    let rounds = 0;
    const { state, leadership } = switchable(false);
    const maintenance = new Maintenance([{ name: 'count', run: async () => void rounds++ }], logger, { leadership, intervalMs: 30_000, pollMs: 5_000 });
    maintenance.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(rounds).toBe(0);
    state.leads = true; // the leader died
    await vi.advanceTimersByTimeAsync(5_000);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(rounds).toBe(2);
    await maintenance.stop();
    expect(state.released).toBe(1);
    expect(await maintenance.runOnce()).toBe(false);
  });
});

describe('scheduler sync', () => {
  const spec: SchedulerSpec = { id: 'checkin-sweep', repeat: { every: 300_000 }, name: 'checkin.sweep', data: {} };

  function fakeJobs() {
    const calls: SchedulerSpec[][] = [];
    let count = 0;
    const jobs = {
      work: { getJobSchedulersCount: () => Promise.resolve(count) },
      reconcileSchedulers: (desired: SchedulerSpec[]) => {
        calls.push(desired);
        count = desired.length;
        return Promise.resolve({ upserted: desired.length, removed: 0, unchanged: 0 });
      },
    };
    return { calls, jobs, empty: () => void (count = 0) };
  }

  it('reconciles when the version moves or Redis lost schedulers, and otherwise leaves Redis alone', async () => {
    const { calls, jobs, empty } = fakeJobs();
    const sync = new SchedulerSync(jobs as never, logger);
    const desired = () => Promise.resolve([spec]);
    expect(await sync.sync('v1', desired)).toBe(true);
    expect(await sync.sync('v1', desired)).toBe(false);
    expect(await sync.sync('v2', desired)).toBe(true);
    empty(); // FLUSHALL
    expect(await sync.sync('v2', desired)).toBe(true);
    expect(calls).toHaveLength(3);
  });
});

describe('the advisory lock key', () => {
  it('is a stable signed 64-bit number per name', () => {
    const key = BigInt(advisoryLockKey('dialog-kinerja:maintenance:dk'));
    expect(key).toBe(BigInt(advisoryLockKey('dialog-kinerja:maintenance:dk')));
    expect(key >= -(2n ** 63n) && key < 2n ** 63n).toBe(true);
    expect(advisoryLockKey('dialog-kinerja:maintenance:other')).not.toBe(advisoryLockKey('dialog-kinerja:maintenance:dk'));
  });
});

describe('stopping', () => {
  it('does not wait for ever on a round stuck waiting for Redis', async () => {
    vi.useFakeTimers();
    const { state, leadership } = switchable(true);
    const stuck = { name: 'reconcile job schedulers', run: () => new Promise<never>(() => {}) };
    const maintenance = new Maintenance([stuck], logger, { leadership });
    void maintenance.runOnce();
    const stopped = maintenance.stop(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    await stopped;
    expect(state.released).toBe(1);
  });
});
