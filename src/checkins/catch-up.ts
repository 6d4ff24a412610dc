/**
 * The check-in catch-up, run by the maintenance leader every round: fans out the check-in groups
 * whose scheduler fired while Redis or the bot was down (or never fired: a schedule saved after
 * its time this week). It reads only the watermarks: a group whose check-in is open now and that
 * has a completed FanoutRun for the week is left alone, so a round while everything is in order
 * costs one query on a small table – none at all when no check-in is open.
 *
 * Someone who joins a group after its run completed is not prompted by the catch-up; they can
 * answer with /checkin, and next week's fan-out includes them.
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import type { QueuedMessage } from '../services/outbox.js';
import { emptyFanoutResult, fanOutGroup, openWindow, type FanoutResult } from './fanout.js';
import type { CheckinGroup } from './schedules.js';

/**
 * How long after a check-in opens the catch-up starts looking: the scheduler's own job has this long
 * to run (or finish) first, so the two rarely work through the same group at once. Harmless when
 * they do: a prompt is one per person and week, and the insert skips conflicts.
 */
export const CATCH_UP_GRACE_MS = 30_000;

export interface CatchUpResult extends FanoutResult {
  /** The groups fanned out (open, past the grace, no completed run). */
  groups: number;
}

/** Fans out every group among `groups` whose check-in is open at `now` and has no completed run this week. */
export async function catchUpCheckins(
  prisma: PrismaClient,
  deliver: (rows: QueuedMessage[]) => Promise<void>,
  now: Date,
  groups: CheckinGroup[],
): Promise<CatchUpResult> {
  const result: CatchUpResult = { ...emptyFanoutResult(), groups: 0 };
  const open = groups.flatMap((group) => {
    const window = openWindow(group.settings, now, group.timeZone);
    return window && now.getTime() - window.at.getTime() >= CATCH_UP_GRACE_MS ? [{ group, weekKey: window.weekKey }] : [];
  });
  if (open.length === 0) return result;
  const runs = await prisma.fanoutRun.findMany({
    where: { OR: open.map(({ group, weekKey }) => ({ scheduleKey: group.scheduleKey, timeZone: group.timeZone, weekKey })) },
    select: { scheduleKey: true, timeZone: true, weekKey: true },
  });
  const done = new Set(runs.map((run) => `${run.scheduleKey}|${run.timeZone}|${run.weekKey}`));
  for (const { group, weekKey } of open) {
    if (done.has(`${group.scheduleKey}|${group.timeZone}|${weekKey}`)) continue;
    if (await fanOutGroup(prisma, deliver, now, group, result)) result.groups++;
  }
  return result;
}
