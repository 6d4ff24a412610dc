/**
 * `report-destinations list | remove <chat-id | title>`: where the weekly HR digest goes. Destinations are
 * added in chat, by HR typing /daftarlaporan in the group (or private chat) that should receive it.
 */
import { audit } from '../../services/audit.js';
import { CliUsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { chooseAgency } from './agency.js';

export async function destinationsListCommand(context: CliContext, args: { instansi?: string }): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const destinations = await db.prisma.reportDestination.findMany({ where: { agencyId: agency.id }, include: { unit: true }, orderBy: { createdAt: 'asc' } });
  if (destinations.length === 0) {
    context.out(context.text.destinationsNone);
    return 0;
  }
  context.out(context.text.destinationsHeader({ agency: agency.name }));
  for (const d of destinations) context.out(`• ${d.platform} ${d.chatId}${d.title ? ` “${d.title}”` : ''} – ${d.unit?.name ?? agency.name}`);
  return 0;
}

export async function destinationsRemoveCommand(context: CliContext, args: { instansi?: string; chat?: string }): Promise<number> {
  if (!args.chat) throw new CliUsageError(context.text.destinationChatRequired);
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const removed = await db.prisma.$transaction(async (tx) => {
    // Telegram group ids are negative, which a command line reads as an option: the title works too.
    const chat = args.chat ?? '';
    const found = await tx.reportDestination.findMany({ where: { agencyId: agency.id, OR: [{ chatId: chat }, { title: { equals: chat, mode: 'insensitive' } }] } });
    await tx.reportDestination.deleteMany({ where: { id: { in: found.map((d) => d.id) } } });
    for (const d of found) await audit(tx, { agencyId: agency.id, actorLabel: 'cli', action: 'reportDestination.removed', entityType: 'ReportDestination', entityId: d.id });
    return found.length;
  });
  context.out(removed > 0 ? context.text.destinationRemoved({ chat: args.chat }) : context.text.destinationUnknown({ chat: args.chat }));
  return 0;
}
