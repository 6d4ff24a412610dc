/**
 * One-shot commands about the person: /saya (who the bot thinks you are), /bahasa, /bantuan.
 */
import { bold, list, paragraph, reply, type Reply } from '../conversation/reply.js';
import { say } from '../flows/common.js';
import { zoneLabel } from '../domain/time-zones.js';
import { botText } from '../i18n/bot.js';
import { cmd, type CommandName } from '../i18n/command-names.js';
import { reportsOf, todayFor } from '../services/people.js';
import { officialNameOf, ratingLineFor } from '../services/rating-line.js';
import { COMMANDS } from './commands.js';
import type { BotContext } from './context.js';

export async function whoAmI(ctx: BotContext): Promise<Reply[]> {
  const t = botText[ctx.me.locale];
  // One read for the rank (not part of the identified member), the supervisor and today's Plt/Plh duties.
  const today = new Date(`${todayFor(ctx.me, ctx.now)}T00:00:00Z`);
  const record = await ctx.db.employee.findUnique({
    where: { id: ctx.me.id },
    select: {
      rank: true,
      supervisor: { select: { name: true, position: true } },
      actingAssignments: { where: { startsOn: { lte: today }, endsOn: { gte: today } }, select: { kind: true, endsOn: true, actingFor: { select: { name: true, position: true } } }, orderBy: { endsOn: 'asc' } },
    },
  });
  const supervisor = record?.supervisor ?? null;
  const line = await ratingLineFor(ctx.db, ctx.me.id, todayFor(ctx.me, ctx.now));
  const named = (official: { name: string; position: string } | null) => (official ? `${official.name} (${official.position})` : t.meNotRecorded);
  const ppk = await officialNameOf(ctx.db, line?.ppk ?? null);
  const atasanPpk = await officialNameOf(ctx.db, line?.atasanPpk ?? null);
  const reports = await reportsOf(ctx.db, ctx.me, ctx.now);
  const rows: [string, string][] = [
    [t.meName, ctx.me.name],
    [t.meNip, ctx.me.nip],
    [t.mePosition, ctx.me.position],
    ...(record?.rank ? [[t.meRank, record.rank] as [string, string]] : []),
    [t.meUnit, ctx.me.unitName],
    [t.meAgency, ctx.me.agencyName],
    [t.meSupervisor, supervisor ? `${supervisor.name} (${supervisor.position})` : t.meNoSupervisor],
    [t.mePpk, named(ppk)],
    [t.meAtasanPpk, named(atasanPpk)],
    ...(record?.actingAssignments ?? []).map((acting): [string, string] => [
      acting.kind === 'PLT' ? t.meActingPlt : t.meActingPlh,
      t.meActingFor({ name: acting.actingFor.name, position: acting.actingFor.position, until: acting.endsOn.toISOString().slice(0, 10) }),
    ]),
    [t.meTimeZone, `${zoneLabel(ctx.me.timeZone)} (${ctx.me.timeZone})`],
    [t.meLanguage, t.languageName],
  ];
  if (reports.length > 0) rows.push([t.meReports, reports.map((r) => r.name).join(', ')]);
  return [reply([paragraph(t.meTitle), list(rows.map(([label, value]) => [bold(`${label}: `), value])), paragraph(t.meWrongData)])];
}

export function setLanguage(ctx: BotContext, args: string): Promise<Reply[]> {
  const wanted = args.trim().toLowerCase();
  if (wanted !== 'id' && wanted !== 'en') return Promise.resolve([say(botText[ctx.me.locale].languageUsage({ current: botText[ctx.me.locale].languageName }))]);
  ctx.services.chatSettings.setLanguage(ctx.me.id, wanted);
  ctx.me.locale = wanted;
  ctx.person.locale = wanted;
  return Promise.resolve([say(botText[wanted].languageSet)]);
}

/** The commands this person can use; supervisor commands only for people with reports. */
export async function help(ctx: BotContext): Promise<Reply> {
  const t = botText[ctx.me.locale];
  const isSupervisor = (await reportsOf(ctx.db, ctx.me, ctx.now)).length > 0;
  const line = (name: CommandName, description: keyof typeof t) => [bold(cmd(name)), ` – ${t[description] as string}`];
  const everyone = COMMANDS.filter((c) => c.audience === 'everyone' && c.name !== 'hubungkan');
  const supervisors = COMMANDS.filter((c) => c.audience === 'supervisor');
  const blocks = [paragraph(t.helpIntro({ name: ctx.me.name })), list(everyone.map((c) => line(c.name, c.description)))];
  if (isSupervisor) blocks.push(paragraph(bold(t.helpSupervisor)), list(supervisors.map((c) => line(c.name, c.description))));
  const isHr = (await ctx.db.hrRole.count({ where: { employeeId: ctx.me.id } })) > 0;
  const hr = COMMANDS.filter((c) => c.audience === 'hr');
  if (isHr) blocks.push(paragraph(bold(t.helpHr)), list(hr.map((c) => line(c.name, c.description))));
  blocks.push(paragraph(t.helpDuringFlow));
  return reply(blocks);
}

/** Help with buttons that start the main conversations (Slack's bare /kinerja, Telegram's /menu). */
export async function menu(ctx: BotContext): Promise<Reply[]> {
  const t = botText[ctx.me.locale];
  const start = (label: string, flow: string) => ctx.button(label, { kind: 'start', flow, context: {} });
  const rows = [[await start(t.menuProgress, 'progress'), await start(t.menuObstacle, 'obstacle')], [await start(t.menuAskFeedback, 'feedback-request'), await start(t.menuLeave, 'leave')]];
  if ((await reportsOf(ctx.db, ctx.me, ctx.now)).length > 0) rows.unshift([await start(t.menuExpectations, 'expectations'), await start(t.menuFeedback, 'feedback')]);
  const commands = await help(ctx);
  return [reply([...commands.blocks, paragraph(t.menuHint)], rows)];
}
