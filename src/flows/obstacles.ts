/**
 * Obstacles: /kendala reaches the supervisor at once with Tanggapi / Tandai selesai buttons; the
 * response ("obstacle-response") reaches the employee; either of them marks it resolved
 * (action "obstacle.resolve" in bot/actions.ts).
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition } from '../conversation/flow.js';
import { bold, paragraph, quote, reply, type Block, type Reply } from '../conversation/reply.js';
import type { Locale } from '../i18n/catalogue.js';
import { dialogueText } from '../i18n/dialogue.js';
import { audit } from '../services/audit.js';
import { workingPlan } from '../services/plans.js';
import { contextId, performanceYear, refusal, refuse, rhkOptions, say, shorten } from './common.js';

const t = (ctx: BotContext) => dialogueText[ctx.me.locale];

async function myRhks(ctx: BotContext) {
  return (await workingPlan(ctx.db, ctx.me.id, performanceYear(ctx)))?.resultExpectations ?? [];
}

/** The obstacle as the supervisor sees it, with buttons for them. */
export async function obstacleMessage(ctx: BotContext, obstacleId: string, supervisorId: string, locale: Locale): Promise<Reply> {
  const obstacle = await ctx.db.obstacle.findUniqueOrThrow({ where: { id: obstacleId }, include: { rhk: true, employee: true } });
  const text = dialogueText[locale];
  const about = obstacle.rhk ? text.obstacleAbout({ rhk: shorten(obstacle.rhk.text, 80) }) : '';
  const blocks: Block[] = [paragraph(bold(text.obstacleToSupervisor({ name: obstacle.employee.name, about }))), quote(obstacle.text)];
  if (obstacle.supportNeeded) blocks.push(paragraph(bold(text.supportNeeded)), quote(obstacle.supportNeeded));
  return reply(blocks, [
    [await ctx.buttonFor(supervisorId, text.respondButton, { kind: 'start', flow: 'obstacle-response', context: { obstacleId } })],
    [await ctx.buttonFor(supervisorId, text.resolveButton, { kind: 'action', name: 'obstacle.resolve', args: { obstacleId } })],
  ]);
}

export const obstacleFlow: FlowDefinition<BotContext> = {
  id: 'obstacle',
  version: 1,
  command: '/kendala',
  title: (locale) => dialogueText[locale].obstacleTitle,
  begin: (_ctx, context) => ({ ok: true, context }),
  steps: [
    {
      id: 'rhk',
      kind: 'choice',
      schema: z.string(),
      when: async (_state, ctx) => (await myRhks(ctx)).length > 0,
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askObstacleRhk)] }),
      options: async (ctx) => [...rhkOptions(await myRhks(ctx)), { value: 'none', label: t(ctx).notRelated }],
    },
    { id: 'text', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askObstacleText)] }) },
    { id: 'support', kind: 'text', optional: true, maxLength: 1000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askSupport)] }) },
  ],
  async complete(ctx, state) {
    const chosen = lastAnswer<string>(state, 'rhk');
    const obstacle = await ctx.db.obstacle.create({
      data: {
        employeeId: ctx.me.id,
        supervisorId: ctx.me.supervisorId,
        rhkId: chosen && chosen !== 'none' ? chosen : null,
        text: lastAnswer<string>(state, 'text') ?? '',
        supportNeeded: lastAnswer<string | null>(state, 'support') ?? null,
      },
      include: { supervisor: true },
    });
    await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'obstacle.reported', entityType: 'Obstacle', entityId: obstacle.id });
    const supervisor = obstacle.supervisor;
    if (!supervisor) return [say(t(ctx).obstacleSavedNoSupervisor)];
    await ctx.outbox.toPerson(supervisor.id, [await obstacleMessage(ctx, obstacle.id, supervisor.id, supervisor.locale)]);
    return [say(t(ctx).obstacleSent({ name: supervisor.name }))];
  },
};

export const obstacleResponseFlow: FlowDefinition<BotContext> = {
  id: 'obstacle-response',
  version: 1,
  command: '/tim',
  title: (locale) => dialogueText[locale].obstacleResponseTitle,
  async begin(ctx, context) {
    const obstacle = await ctx.db.obstacle.findUnique({ where: { id: contextId(context, 'obstacleId') } });
    if (!obstacle) return refuse(say(t(ctx).obstacleNotFound));
    const refused = await refusal(ctx, 'ANSWER_OBSTACLE', obstacle.employeeId);
    if (refused) return refuse(refused);
    if (obstacle.status === 'RESOLVED') return refuse(say(t(ctx).alreadyResolved));
    return { ok: true, context };
  },
  steps: [
    {
      id: 'response',
      kind: 'text',
      maxLength: 2000,
      schema: z.string(),
      async prompt(ctx, state) {
        const obstacle = await ctx.db.obstacle.findUniqueOrThrow({ where: { id: contextId(state.context, 'obstacleId') }, include: { employee: true } });
        return { blocks: [quote(obstacle.text), paragraph(t(ctx).askResponse({ name: obstacle.employee.name }))] };
      },
    },
  ],
  async complete(ctx, state) {
    const response = lastAnswer<string>(state, 'response') ?? '';
    const obstacle = await ctx.db.obstacle.update({
      where: { id: contextId(state.context, 'obstacleId') },
      data: { response, respondedById: ctx.me.id, respondedAt: ctx.now, status: 'ANSWERED' },
      include: { employee: true },
    });
    await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'obstacle.answered', entityType: 'Obstacle', entityId: obstacle.id });
    const text = dialogueText[obstacle.employee.locale];
    await ctx.outbox.toPerson(obstacle.employeeId, [
      reply([paragraph(bold(text.responseToEmployee({ name: ctx.me.name }))), quote(obstacle.text), quote(response)], [
        [await ctx.buttonFor(obstacle.employeeId, text.resolveButton, { kind: 'action', name: 'obstacle.resolve', args: { obstacleId: obstacle.id } })],
      ]),
    ]);
    return [say(t(ctx).responseSent({ name: obstacle.employee.name }))];
  },
};
