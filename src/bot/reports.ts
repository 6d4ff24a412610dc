/**
 * HR's commands: /laporan (the weekly digest now, for HR's scope), /daftarlaporan (this group or
 * chat receives the weekly digest every Monday; "/daftarlaporan berhenti" stops it) and /jadwal
 * (the check-in schedule of HR's scope or of one unit in it).
 */
import type { Reply } from '../conversation/reply.js';
import { say } from '../flows/common.js';
import { digestText } from '../i18n/digest.js';
import { digestOutput } from '../reports/outputs.js';
import type { ConversationEngine } from '../conversation/engine.js';
import { scheduleText } from '../i18n/schedules.js';
import { unitSubtree } from '../linking/link-codes.js';
import type { BotContext } from './context.js';

async function hrRole(ctx: BotContext) {
  return ctx.db.hrRole.findFirst({ where: { employeeId: ctx.me.id, agencyId: ctx.me.agencyId } });
}

export async function report(ctx: BotContext): Promise<Reply[]> {
  const role = await hrRole(ctx);
  if (!role) return [say(digestText[ctx.me.locale].notHr)];
  // Counted and drawn by the delivery job (reports/outputs.ts), not while this command is handled.
  return [digestOutput({ agencyId: role.agencyId, unitId: role.unitId, locale: ctx.me.locale })];
}

const STOP_WORDS = new Set(['berhenti', 'stop', 'hapus']);

/** /daftarlaporan: this chat receives the weekly digest of HR's scope; "/daftarlaporan berhenti" stops it. */
export async function registerDestination(ctx: BotContext, args: string): Promise<Reply[]> {
  const t = digestText[ctx.me.locale];
  const chat = { platform: ctx.origin.platform, workspace: ctx.origin.workspace, chatId: ctx.origin.chatId };
  if (STOP_WORDS.has(args.trim().toLowerCase())) {
    const removed = await ctx.services.chatSettings.removeDigestChat(ctx.me, chat);
    if (!removed.ok) return [say(removed.refusal === 'NOT_HR' ? t.notHr : t.notRegistered)];
    return [say(t.unregistered)];
  }
  const registered = await ctx.services.chatSettings.registerDigestChat(ctx.me, { ...chat, title: ctx.origin.private ? ctx.me.name : ctx.origin.title });
  if (!registered.ok) return [say(t.notHr)];
  return [say(ctx.origin.private ? t.registeredPrivate({ agency: ctx.me.agencyName }) : t.registered({ agency: ctx.me.agencyName }))];
}

/** /jadwal [unit]: starts the schedule flow for HR's whole scope, or one unit within it. */
export async function scheduleCommand(ctx: BotContext, engine: ConversationEngine<BotContext>, args: string): Promise<Reply[]> {
  const role = await hrRole(ctx);
  if (!role) return [say(digestText[ctx.me.locale].notHr)];
  const t = scheduleText[ctx.me.locale];
  const inScope = role.unitId ? await unitSubtree(ctx.db, role.agencyId, role.unitId) : null;
  let units: { id: string; name: string }[];
  let scope: string;
  if (args.trim()) {
    const named = await ctx.db.unit.findMany({ where: { agencyId: role.agencyId, name: { equals: args.trim(), mode: 'insensitive' } } });
    const found = named.filter((unit) => !inScope || inScope.includes(unit.id));
    if (found.length === 0) return [say(t.scheduleUnitUnknown({ name: args.trim() }))];
    if (found.length > 1) return [say(t.scheduleUnitAmbiguous({ name: args.trim(), count: found.length }))];
    units = found;
    scope = found[0]?.name ?? '';
  } else if (role.unitId) {
    units = await ctx.db.unit.findMany({ where: { id: role.unitId } });
    scope = t.wholeScope({ name: units[0]?.name ?? '' });
  } else {
    units = await ctx.db.unit.findMany({ where: { agencyId: role.agencyId, parentId: null }, orderBy: { name: 'asc' } });
    scope = t.wholeScope({ name: ctx.me.agencyName });
  }
  return (await engine.start(ctx, 'schedule', { unitIds: units.map((unit) => unit.id), scope })).replies;
}
