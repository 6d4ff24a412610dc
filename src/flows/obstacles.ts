/**
 * Obstacles: /kendala reaches the supervisor at once with Tanggapi / Tandai selesai buttons; the
 * response ("obstacle-response") reaches the employee; either of them marks it resolved (action
 * "obstacle.resolve" in bot/actions.ts). The rules live in services/obstacles.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type StepDefinition } from '../conversation/flow.js';
import { paragraph, quote, type Reply } from '../conversation/reply.js';
import { dialogueText } from '../i18n/dialogue.js';
import type { ObstacleRefusal } from '../services/obstacles.js';
import { deniedReply, performanceYear, rhkOptions, say } from './common.js';
import { respondToRecord } from './respond-to-record.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => dialogueText[ctx.me.locale];

async function myRhks(ctx: FlowContext) {
  return (await ctx.read.workingPlan(ctx.me.id, performanceYear(ctx)))?.resultExpectations ?? [];
}

/** Why an obstacle cannot be changed, in words. */
export function obstacleRefusal(ctx: FlowContext, refusal: ObstacleRefusal): Reply {
  if (refusal.code === 'DENIED') return deniedReply(ctx, refusal);
  return say(refusal.code === 'RESOLVED' ? t(ctx).alreadyResolved : t(ctx).obstacleNotFound);
}

const rhkStep = {
  id: 'rhk',
  kind: 'choice',
  schema: z.string(),
  when: async (_state, ctx) => (await myRhks(ctx)).length > 0,
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askObstacleRhk)] }),
  options: async (ctx) => [...rhkOptions(await myRhks(ctx)), { value: 'none', label: t(ctx).notRelated }],
} satisfies StepDefinition<FlowContext>;

const textStep = { id: 'text', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askObstacleText)] }) } satisfies StepDefinition<FlowContext>;

const supportStep = { id: 'support', kind: 'text', optional: true, maxLength: 1000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askSupport)] }) } satisfies StepDefinition<FlowContext>;

export const obstacleFlow: FlowDefinition<FlowContext> = {
  id: 'obstacle',
  version: 1,
  command: cmd('kendala'),
  title: (locale) => dialogueText[locale].obstacleTitle,
  begin: (_ctx, context) => ({ ok: true, context }),
  steps: [rhkStep, textStep, supportStep],
  async complete(ctx, state) {
    const chosen = answerOf(state, rhkStep);
    const reported = await ctx.services.obstacles.report(ctx.me, {
      rhkId: chosen && chosen !== 'none' ? chosen : null,
      text: answerOf(state, textStep) ?? '',
      supportNeeded: answerOf(state, supportStep) ?? null,
    });
    await ctx.notify(reported.events);
    const supervisor = reported.value.supervisor;
    return [say(supervisor ? t(ctx).obstacleSent({ name: supervisor.name }) : t(ctx).obstacleSavedNoSupervisor)];
  },
};

export const obstacleResponseFlow = respondToRecord({
  id: 'obstacle-response',
  version: 1,
  command: cmd('tim'),
  title: (locale) => dialogueText[locale].obstacleResponseTitle,
  recordKey: 'obstacleId',
  open: (ctx, id) => ctx.services.obstacles.canRespond(ctx.me, id),
  ask: (ctx, obstacle) => [quote(obstacle.text), paragraph(t(ctx).askResponse({ name: obstacle.employee.name }))],
  save: (ctx, id, text) => ctx.services.obstacles.respond(ctx.me, id, text),
  refusal: obstacleRefusal,
  done: (ctx, obstacle) => [say(t(ctx).responseSent({ name: obstacle.employee.name }))],
});
