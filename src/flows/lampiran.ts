/**
 * The Lampiran SKP questions, asked in both ways an SKP is made (/ekspektasi by the PPK, /susunskp
 * by the employee): PermenPANRB 6/2022 makes the penetapan of expectations include the resources
 * needed, the accountability scheme and the consequences, so none of the three can be skipped.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { ownSkpText } from '../i18n/own-skp.js';
import type { Lampiran } from '../services/plans.js';

const t = (ctx: FlowContext) => ownSkpText[ctx.me.locale];

const lampiranStep = (id: keyof Lampiran, ask: (ctx: FlowContext) => string) =>
  ({
    id,
    kind: 'text',
    maxLength: 1000,
    schema: z.string(),
    // "-" skips other questions; here it gets a reason instead of a generic refusal.
    validate: (value, _state, ctx) => ((value as string).trim().length < 2 ? t(ctx).lampiranRequired : null),
    prompt: (ctx) => ({ blocks: [paragraph(ask(ctx))] }),
  }) satisfies StepDefinition<FlowContext>;

const resourceSupportStep = lampiranStep('resourceSupport', (ctx) => t(ctx).askResourceSupport);
const accountabilityStep = lampiranStep('accountability', (ctx) => t(ctx).askAccountability);
const consequencesStep = lampiranStep('consequences', (ctx) => t(ctx).askConsequences);

/** The three questions, in the order of the Lampiran. */
export const lampiranSteps: StepDefinition<FlowContext>[] = [resourceSupportStep, accountabilityStep, consequencesStep];

/** The answers as a Lampiran. */
export function lampiranOf(state: FlowState): Lampiran {
  return { resourceSupport: answerOf(state, resourceSupportStep) ?? '', accountability: answerOf(state, accountabilityStep) ?? '', consequences: answerOf(state, consequencesStep) ?? '' };
}
