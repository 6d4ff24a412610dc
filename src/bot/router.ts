/**
 * Decides what an event means: a command, an answer to the active step, a button, or – from
 * someone not linked yet – a link code. Returns the replies for the person's chat.
 */
import type { ConversationEngine, Outcome } from '../conversation/engine.js';
import type { Reply } from '../conversation/reply.js';
import { localDate } from '../domain/time-zones.js';
import { say } from '../flows/common.js';
import { myResults } from '../flows/evaluation-result.js';
import { pendingObjections } from '../flows/objection.js';
import type { Locale } from '../i18n/catalogue.js';
import { botText } from '../i18n/bot.js';
import type { Reader } from '../services/db.js';
import type { UnitOfWork } from '../services/work.js';
import { redeemLinkCode, type ChatAccount } from '../services/linking.js';
import { findMembers } from '../services/people.js';
import { servicesFor } from '../services/registry.js';
import { noticesOf } from '../notifications/notify.js';
import { latestPlan, OPEN_STATUSES } from '../services/plans.js';
import { resolveToken } from '../services/tokens.js';
import { ACTIONS } from './actions.js';
import { findCommand } from './commands.js';
import type { BotContext } from './context.js';
import type { InboundMessage } from './inbound.js';
import { help, menu, setLanguage, whoAmI } from './info.js';
import { registerDestination, report, scheduleCommand } from './reports.js';
import { showPlan, team } from './team.js';

type Engine = ConversationEngine<BotContext>;

/** Replies to a linked, active person. `welcomed`: this very event linked them, and the welcome already carried their waiting results. */
export async function routeLinked(ctx: BotContext, engine: Engine, message: InboundMessage, options: { welcomed?: boolean } = {}): Promise<Reply[]> {
  // Results finalised while this person could not be reached go to their private chat – never into
  // a group or a Slack form, wherever this event came from.
  if (!options.welcomed) await ctx.notify((await ctx.services.evaluations.deliverWaiting(ctx.me.id)).events);
  return routeMessage(ctx, engine, message);
}

async function routeMessage(ctx: BotContext, engine: Engine, message: InboundMessage): Promise<Reply[]> {
  const t = botText[ctx.me.locale];
  switch (message.type) {
    case 'command':
      return command(ctx, engine, message.name, message.args);
    case 'button':
      return button(ctx, engine, message.token);
    case 'text':
      return orNotUnderstood(ctx, await engine.input(ctx, { type: 'text', text: message.text }));
    case 'file':
      return orNotUnderstood(ctx, await engine.input(ctx, { type: 'file', file: message.file }));
    case 'unsupported': {
      const outcome = await engine.input(ctx, { type: 'unsupported' });
      return outcome.status === 'none' ? [say(t.notUnderstood)] : outcome.replies;
    }
  }
}

function orNotUnderstood(ctx: BotContext, outcome: Outcome): Reply[] {
  if (outcome.problem) ctx.effects.problem = outcome.problem;
  return outcome.status === 'none' ? [say(botText[ctx.me.locale].notUnderstood)] : outcome.replies;
}

/** A one-shot answer given while a flow is active gets a reminder that the flow is waiting. */
async function withFlowReminder(ctx: BotContext, engine: Engine, replies: Reply[]): Promise<Reply[]> {
  const session = await ctx.sessions.get(ctx.me.id);
  const flow = session ? engine.flow(session.flow) : undefined;
  return flow ? [...replies, say(botText[ctx.me.locale].stillInFlow({ title: flow.title(ctx.me.locale) }))] : replies;
}

async function command(ctx: BotContext, engine: Engine, name: string, args: string): Promise<Reply[]> {
  const t = botText[ctx.me.locale];
  const spec = findCommand(name);
  if (!spec) {
    // Mid-conversation, repeat the question so the person knows where they are.
    const reminder = await engine.remind(ctx);
    return [say(t.unknownCommand({ command: name })), ...reminder.replies];
  }
  const target = spec.target;
  if ('link' in target) return [say(t.alreadyLinked({ name: ctx.me.name }))];
  if ('flow' in target) {
    if (!target.aboutReport || args === '') return (await engine.start(ctx, target.flow, {})).replies;
    const person = await onePerson(ctx, args);
    return 'reply' in person ? [person.reply] : (await engine.start(ctx, target.flow, { reportId: person.id })).replies;
  }
  if ('engine' in target) {
    if (target.engine === 'cancel') return (await engine.cancel(ctx)).replies;
    if (target.engine === 'back') return (await engine.back(ctx)).replies;
    const reminder = await engine.remind(ctx);
    return reminder.status === 'none' ? [await help(ctx)] : [await help(ctx), ...reminder.replies];
  }
  if (target.run === 'laporan') return report(ctx);
  if (target.run === 'daftarlaporan') return registerDestination(ctx, args);
  if (target.run === 'jadwal') return scheduleCommand(ctx, engine, args);
  if (target.run === 'checkin') {
    const prompt = await ctx.services.checkins.thisWeek(ctx.me);
    return (await engine.start(ctx, 'checkin', { promptId: prompt.id })).replies;
  }
  if (target.run === 'menu') return withFlowReminder(ctx, engine, await menu(ctx));
  const run = { saya: whoAmI, bahasa: setLanguage, tim: team, skp: showPlan, hasil: myResults, keberatan: pendingObjections }[target.run];
  return withFlowReminder(ctx, engine, await run(ctx, args));
}

/** The one active colleague in the agency matching a name or NIP, or the reply saying why not. */
async function onePerson(ctx: BotContext, query: string): Promise<{ id: string } | { reply: Reply }> {
  const t = botText[ctx.me.locale];
  const matches = await findMembers(ctx.db, ctx.me.agencyId, query);
  if (matches.length === 0) return { reply: say(t.personNotFound({ query })) };
  if (matches.length > 1) return { reply: say(t.personAmbiguous({ query, names: matches.map((m) => m.name).join(', ') })) };
  return { id: matches[0]?.id ?? '' };
}

async function button(ctx: BotContext, engine: Engine, token: string): Promise<Reply[]> {
  const t = botText[ctx.me.locale];
  const resolved = await resolveToken(ctx.db, token, ctx.me.id, ctx.now);
  if (!resolved.ok) return [say(resolved.reason === 'NOT_YOURS' ? t.buttonNotYours : t.buttonUnknown)];
  const payload = resolved.payload;
  switch (payload.kind) {
    case 'answer': {
      const outcome = await engine.answerButton(ctx, payload);
      if (outcome.problem) ctx.effects.problem = outcome.problem;
      // The question is answered (or its buttons are stale): its buttons should go.
      ctx.effects.clearButtons = true;
      return outcome.replies;
    }
    case 'start':
      return (await engine.start(ctx, payload.flow, payload.context)).replies;
    case 'abandon-and-start':
      return (await engine.start(ctx, payload.flow, payload.context, { replace: true })).replies;
    case 'resume':
      return (await engine.remind(ctx)).replies;
    case 'action': {
      const handler = ACTIONS[payload.name];
      if (!handler) return [say(t.buttonUnknown)];
      return withFlowReminder(ctx, engine, await handler(ctx, payload.args));
    }
  }
}

/** Replies to someone whose chat account is not linked: link codes, or how to get one. */
export async function routeUnlinked(db: Reader, work: UnitOfWork, account: ChatAccount, message: InboundMessage, locale: Locale, now: Date): Promise<Reply[]> {
  const t = botText[locale];
  const spec = message.type === 'command' ? findCommand(message.name) : undefined;
  if (message.type !== 'command' || !spec || !('link' in spec.target)) return [say(t.unlinked)];
  if (message.args === '') return [say(message.name === 'start' ? t.unlinked : t.linkUsage)];
  const result = await redeemLinkCode(db, work, account, message.args, now);
  switch (result.status) {
    case 'LINKED':
      return welcome(db, work, result.employeeId, now);
    case 'WRONG':
      return [say(t.linkWrong({ remaining: result.remaining }))];
    case 'LOCKED':
      return [say(t.linkLocked({ minutes: result.minutes }))];
    case 'EXPIRED':
      return [say(t.linkExpired)];
    case 'USED':
      return [say(t.linkUsed)];
    case 'REVOKED':
      return [say(t.linkRevoked)];
    case 'INACTIVE':
      return [say(t.linkInactive)];
  }
}

/** The first words to someone just linked: welcome, and their plan if it waits for them. */
export async function welcome(db: Reader, work: UnitOfWork, employeeId: string, now: Date): Promise<Reply[]> {
  const employee = await db.employee.findUniqueOrThrow({ where: { id: employeeId } });
  const text = botText[employee.locale];
  const replies = [say(text.linked({ name: employee.name }))];
  const plan = await latestPlan(db, employee.id, localDate(now, employee.timeZone).year);
  if (plan && OPEN_STATUSES.includes(plan.status)) replies.push(say(text.pendingPlan({ year: plan.year, version: plan.version })));
  // Linking happens in a private chat: results waiting for this person are part of the welcome.
  const waiting = await servicesFor(db, work).evaluations.deliverWaiting(employee.id, { present: true });
  for (const notice of waiting.events.flatMap(noticesOf)) replies.push(notice.message((label, payload) => work.button(notice.to.id, label, payload)));
  return replies;
}
