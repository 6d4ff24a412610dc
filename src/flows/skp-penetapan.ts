/**
 * The penetapan of an SKP the employee submitted: the PPK's *Kembalikan dengan catatan* (the note
 * goes back to the employee; *Tetapkan* is a one-press action in bot/actions.ts), and /tetapkanskp,
 * where HR records the penetapan by an official outside the bot with the document's number and date.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { cmd } from '../i18n/command-names.js';
import { ownSkpText } from '../i18n/own-skp.js';
import { planContentBlocks } from '../services/plans.js';
import { refuse, say } from './common.js';
import { skpRefusal } from './own-skp.js';
import { respondToRecord } from './respond-to-record.js';

const t = (ctx: FlowContext) => ownSkpText[ctx.me.locale];

/** The PPK's note when sending a submitted SKP back. */
export const skpReturnFlow = respondToRecord({
  id: 'skp-return',
  version: 1,
  command: cmd('skp'),
  title: (locale) => ownSkpText[locale].returnTitle,
  recordKey: 'planId',
  open: (ctx, planId) => ctx.services.skp.openForPenetapan(ctx.me, planId),
  ask: (ctx, plan) => [...planContentBlocks(plan.content, ctx.me.locale), paragraph(t(ctx).askReturnNote({ name: plan.employee.name }))],
  save: (ctx, planId, note) => ctx.services.skp.sendBack(ctx.me, planId, note),
  refusal: skpRefusal,
  done: (ctx, plan) => [say(t(ctx).returnedReply({ name: plan.employee.name }))],
});

const officialOf = (plan: { employee: { externalPpk: { name: string; title: string } | null } }) => (plan.employee.externalPpk ? `${plan.employee.externalPpk.name}, ${plan.employee.externalPpk.title}` : '-');

const planStep = {
  id: 'plan',
  kind: 'choice',
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askPlanToRecord)] }),
  options: async (ctx, state) =>
    (await ctx.read.plansAwaitingOfficial(ctx.me.agencyId))
      .filter((plan) => !state.context['reportId'] || plan.employee.id === state.context['reportId'])
      .map((plan) => ({ value: plan.id, label: t(ctx).planOption({ name: plan.employee.name, year: plan.year, version: plan.version, official: officialOf(plan) }) })),
} satisfies StepDefinition<FlowContext>;

/** The chosen plan and its official, opened again through the service (access included). */
async function chosen(ctx: FlowContext, state: FlowState) {
  return ctx.services.skp.openForRecording(ctx.me, answerOf(state, planStep) ?? '');
}

const numberStep = {
  id: 'documentNumber',
  kind: 'text',
  maxLength: 100,
  schema: z.string().min(1),
  async prompt(ctx, state) {
    const opened = await chosen(ctx, state);
    if (!opened.ok) return { blocks: skpRefusal(ctx, opened.refusal).blocks };
    const official = `${opened.value.official.name}, ${opened.value.official.title}`;
    return { blocks: [...planContentBlocks(opened.value.plan.content, ctx.me.locale), paragraph(t(ctx).askDocumentNumber({ official }))] };
  },
} satisfies StepDefinition<FlowContext>;

const dateStep = { id: 'decidedOn', kind: 'date', schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDecidedOn)] }) } satisfies StepDefinition<FlowContext>;

const confirmStep = {
  id: 'confirm',
  kind: 'confirm',
  schema: z.boolean(),
  async prompt(ctx, state) {
    const opened = await chosen(ctx, state);
    const name = opened.ok ? opened.value.plan.employee.name : '-';
    const official = opened.ok ? `${opened.value.official.name}, ${opened.value.official.title}` : '-';
    return { blocks: [paragraph(t(ctx).askConfirmRecord({ name, official, number: answerOf(state, numberStep) ?? '', date: answerOf(state, dateStep) ?? '' }))] };
  },
} satisfies StepDefinition<FlowContext>;

/** /tetapkanskp [nama] – HR records the penetapan by an official outside the bot. */
export const skpRecordFlow: FlowDefinition<FlowContext> = {
  id: 'skp-record',
  version: 1,
  command: cmd('tetapkanskp'),
  title: (locale) => ownSkpText[locale].recordTitle,

  async begin(ctx, context) {
    const waiting = (await ctx.read.plansAwaitingOfficial(ctx.me.agencyId)).filter((plan) => !context['reportId'] || plan.employee.id === context['reportId']);
    const first = waiting[0];
    if (!first) return refuse(say(t(ctx).nothingToRecord));
    // Refused here already when the person is not HR for that employee.
    const opened = await ctx.services.skp.openForRecording(ctx.me, first.id);
    if (!opened.ok) return refuse(skpRefusal(ctx, opened.refusal));
    return { ok: true, context };
  },

  steps: [planStep, numberStep, dateStep, confirmStep],

  async complete(ctx, state) {
    if (!answerOf(state, confirmStep)) return [say(t(ctx).recordCancelled)];
    const recorded = await ctx.services.skp.recordForOfficial(ctx.me, answerOf(state, planStep) ?? '', { documentNumber: answerOf(state, numberStep) ?? '', decidedOn: answerOf(state, dateStep) ?? '' });
    if (!recorded.ok) return [skpRefusal(ctx, recorded.refusal)];
    const [event] = recorded.events;
    await ctx.notify(recorded.events);
    const official = event?.type === 'plan.established' && event.recordedFor ? `${event.recordedFor.name}, ${event.recordedFor.title}` : '-';
    return [say(t(ctx).recordedReply({ name: recorded.value.employee.name, official }))];
  },
};
