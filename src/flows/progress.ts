/**
 * /realisasi – an employee logs progress on one RHK with optional evidence: a file or photo kept
 * on the platform (its reference and metadata, not the bytes) or a link.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { dialogueText } from '../i18n/dialogue.js';
import { performanceYear, refuse, rhkOptions, say, shorten } from './common.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => dialogueText[ctx.me.locale];

const fileSchema = z.object({
  kind: z.enum(['FILE', 'PHOTO', 'LINK']),
  url: z.string().optional(),
  externalFileId: z.string().optional(),
  fileName: z.string().optional(),
  mimeType: z.string().optional(),
  sizeBytes: z.number().optional(),
});

async function myRhks(ctx: FlowContext) {
  return (await ctx.read.workingPlan(ctx.me.id, performanceYear(ctx)))?.resultExpectations ?? [];
}

const rhkStep = {
  id: 'rhk',
  kind: 'choice',
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askProgressRhk)] }),
  options: async (ctx) => rhkOptions(await myRhks(ctx)),
} satisfies StepDefinition<FlowContext>;

const textStep = { id: 'text', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askProgressText)] }) } satisfies StepDefinition<FlowContext>;

const evidenceStep = { id: 'evidence', kind: 'file', optional: true, schema: fileSchema, prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askEvidence)] }) } satisfies StepDefinition<FlowContext>;

export const progressFlow: FlowDefinition<FlowContext> = {
  id: 'progress',
  version: 1,
  command: cmd('realisasi'),
  title: (locale) => dialogueText[locale].progressTitle,
  async begin(ctx, context) {
    if ((await myRhks(ctx)).length === 0) return refuse(say(t(ctx).noRhkYet));
    return { ok: true, context };
  },
  steps: [rhkStep, textStep, evidenceStep],
  async complete(ctx, state) {
    const evidence = answerOf(state, evidenceStep) ?? null;
    const logged = await ctx.services.progress.log(ctx.me, { rhkId: answerOf(state, rhkStep) ?? '', text: answerOf(state, textStep) ?? '', evidence, platform: ctx.origin.platform });
    if (!logged.ok) return [say(t(ctx).noRhkYet)];
    return [say(t(ctx).progressSaved({ rhk: shorten(logged.value.rhkText, 80), evidence: evidence ? t(ctx).withEvidence : '' }))];
  },
};
