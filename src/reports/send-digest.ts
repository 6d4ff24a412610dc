/**
 * Sends an agency's weekly digest to each of its report destinations (a Telegram group or chat;
 * a Slack channel later). Keyed per destination and week in the outbox, so a retried job, a
 * second instance or a catch-up run never sends a week's digest twice.
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/catalogue.js';
import { json } from '../services/db.js';
import type { QueuedMessage } from '../services/outbox.js';
import { localParts } from '../domain/time-zones.js';
import { digestMessage, readDigest, reportedWeek } from './digest.js';

export async function sendWeeklyDigests(
  prisma: PrismaClient,
  deliver: (rows: QueuedMessage[]) => Promise<void>,
  options: { agencyId: string; now: Date; locale: Locale },
): Promise<number> {
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: options.agencyId }, include: { reportDestinations: true } });
  const { weekKey } = reportedWeek(options.now, agency.timeZone);
  let sent = 0;
  for (const destination of agency.reportDestinations) {
    const dedupeKey = `digest:${destination.id}:${weekKey}`;
    if (await prisma.outboundMessage.findUnique({ where: { dedupeKey } })) continue;
    const data = await readDigest(prisma, { agencyId: agency.id, unitId: destination.unitId, now: options.now });
    const message = await digestMessage(data, options.locale);
    const rows = await prisma.outboundMessage.createManyAndReturn({
      data: [{ platform: destination.platform, workspace: destination.workspace, chatId: destination.chatId, payload: json(message), dedupeKey }],
      skipDuplicates: true,
      select: { id: true, platform: true },
    });
    sent += rows.length;
    await deliver(rows);
  }
  return sent;
}

/**
 * Catch-up for digests whose Monday 08:00 job was lost (Redis down or emptied at that moment):
 * on Monday from 08:00 local time, sends every agency's digest not sent yet this week. Cheap when
 * nothing is missing – one lookup per destination.
 */
export async function catchUpWeeklyDigests(
  prisma: PrismaClient,
  deliver: (rows: QueuedMessage[]) => Promise<void>,
  options: { now: Date; locale: Locale },
): Promise<number> {
  const agencies = await prisma.agency.findMany({ where: { reportDestinations: { some: {} } }, select: { id: true, timeZone: true } });
  let sent = 0;
  for (const agency of agencies) {
    const local = localParts(options.now, agency.timeZone);
    if (local.weekday !== 1 || local.hour < 8) continue;
    sent += await sendWeeklyDigests(prisma, deliver, { agencyId: agency.id, now: options.now, locale: options.locale });
  }
  return sent;
}
