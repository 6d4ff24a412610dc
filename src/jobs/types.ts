/**
 * Every job the bot runs, with its payload. The handler map (JobHandlers) fails to compile when a
 * job has no handler, so adding a job name forces adding its handler.
 */
import type { Job } from 'bullmq';
import type { Platform } from '../generated/prisma/client.js';

export interface JobPayloads {
  /** Send one outbox row; the job id is the row id, so a row is queued at most once at a time. */
  deliver: { outboxId: string };
  /** Prompt everyone whose check-in falls under this schedule and zone and is due. */
  'checkin.fanout': { scheduleKey: string; timeZone: string };
  /** Reminders, missed marking and escalation of open check-ins. */
  'checkin.sweep': Record<string, never>;
  /** Planning-season, period-end and no-dialogue nudges of one agency (daily, 09:00 local). */
  'nudges.daily': { agencyId: string };
  /** The HR weekly digest of one agency to its report destinations (Mondays, 08:00 local). */
  'digest.weekly': { agencyId: string };
  /**
   * Build and publish one person's Slack App Home (their dashboard): a heavy read made by a worker,
   * not while an event is handled. The job id is per person, so a burst asks once.
   */
  'home.publish': { workspace: string; userId: string };
  /**
   * Copy one evidence file from its platform into the attachment store (attachments/download.ts).
   * The job id is per evidence item; a run on a row no longer PENDING does nothing.
   */
  'evidence.download': { evidenceId: string };
}

export type JobName = keyof JobPayloads;

/** One handler per job name. */
export type JobHandlers = { [N in JobName]: (data: JobPayloads[N], job: Job<JobPayloads[N], unknown, N>, token: string | undefined) => Promise<void> };

/** The queue of scheduled and background work. */
export const WORK_QUEUE = 'work';

/** Deliveries have a queue per platform, so each platform gets its own rate limit. */
export function deliveryQueueName(platform: Platform): string {
  return `delivery-${platform.toLowerCase()}`;
}
