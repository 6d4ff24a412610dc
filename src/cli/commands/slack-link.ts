/**
 * `slack-link`: links every Slack user of the workspace whose profile e-mail is an imported
 * employee's, without waiting for them to write to the app first – so check-ins and messages reach
 * people who never opened it. Safe to run again (after every import): linked accounts stay as they
 * are. Slack's users.list is read page by page (200 users a page; the client waits out rate limits).
 */
import { WebClient } from '@slack/web-api';
import { CliUsageError } from '../../errors.js';
import { audit } from '../../services/audit.js';
import type { CliContext } from '../context.js';
import { chooseAgency } from './agency.js';

const PAGE = 200;

export async function slackLinkCommand(context: CliContext, args: { instansi?: string; 'dry-run'?: boolean }): Promise<number> {
  const slack = context.config.slack;
  if (!slack) throw new CliUsageError(context.text.slackNotConfigured);
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const client = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl });
  const workspace = (await client.auth.test()).team_id ?? '';

  const employees = await db.prisma.employee.findMany({ where: { agencyId: agency.id, active: true, email: { not: null } }, select: { id: true, email: true } });
  const byEmail = new Map<string, string[]>();
  for (const employee of employees) {
    const key = employee.email!.trim().toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), employee.id]);
  }
  const linked = await db.prisma.chatIdentity.findMany({ where: { platform: 'SLACK', workspace }, select: { employeeId: true, externalUserId: true } });
  const linkedEmployees = new Set(linked.map((identity) => identity.employeeId));
  const linkedUsers = new Set(linked.map((identity) => identity.externalUserId));

  const toLink: { employeeId: string; userId: string }[] = [];
  let shared = 0;
  let cursor: string | undefined;
  do {
    const page = await client.users.list({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const member of page.members ?? []) {
      const email = member.profile?.email?.trim().toLowerCase();
      if (!member.id || member.deleted || member.is_bot || !email || linkedUsers.has(member.id)) continue;
      const matches = byEmail.get(email) ?? [];
      if (matches.length > 1) shared++;
      const employeeId = matches.length === 1 ? matches[0]! : undefined;
      if (!employeeId || linkedEmployees.has(employeeId)) continue;
      linkedEmployees.add(employeeId);
      toLink.push({ employeeId, userId: member.id });
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);

  if (!args['dry-run'] && toLink.length > 0) {
    await db.prisma.$transaction(async (tx) => {
      // No DM channel yet: a message to a user id goes to the app's DM with them (Slack opens it).
      await tx.chatIdentity.createMany({
        data: toLink.map((link) => ({ employeeId: link.employeeId, platform: 'SLACK' as const, workspace, externalUserId: link.userId })),
        skipDuplicates: true,
      });
      await audit(tx, { agencyId: agency.id, actorLabel: 'cli', action: 'identity.linkedByEmail', entityType: 'ChatIdentity', details: { workspace, count: toLink.length } });
    });
  }
  const withoutSlack = employees.length - linkedEmployees.size;
  context.out(context.text.slackLinked({ linked: toLink.length, already: linked.length, withoutSlack, shared, dryRun: args['dry-run'] === true }));
  return 0;
}
