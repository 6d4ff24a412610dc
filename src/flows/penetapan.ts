/**
 * /tetapkanpredikat – the Penetapan Predikat Kinerja (SE MenPANRB 3/2023): the leader of an
 * organisation unit (or their Plt./Plh.) sees the distribution of all its employees' proposed
 * predikat against the Capaian Kinerja Organisasi, every broken rule explained, and establishes it –
 * with a written reason when it breaks the curve – or sends one named proposal back to its rater
 * with a note. HR records the penetapan of a leader outside the bot, with the document. The rules
 * live in services/penetapan-service.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph, type Block } from '../conversation/reply.js';
import { explainCurveResult } from '../domain/distribution-curve.js';
import { civilDayLabel, parsePeriodKey, periodLabel, type Period } from '../domain/periods.js';
import { EMPLOYEE_PREDIKATS, predikatLabel, unitPredikatLabel } from '../domain/rating-matrix.js';
import { appraisalText } from '../i18n/appraisal.js';
import { cmd } from '../i18n/command-names.js';
import { penetapanText } from '../i18n/penetapan.js';
import type { OrganisationStatus, PenetapanRefusal } from '../services/penetapan-service.js';
import { contextId, refuse, say } from './common.js';

const t = (ctx: FlowContext) => penetapanText[ctx.me.locale];

/** At most this many people are listed by name; the export has them all. */
const LISTED = 40;

const organisationStep = {
  id: 'organisation',
  kind: 'choice',
  schema: z.string(),
  when: (state) => !contextId(state.context, 'organisationId'),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askOrganisation)] }),
  options: async (ctx) => (await ctx.services.penetapan.organisations(ctx.me)).map((org) => ({ value: org.id, label: org.name })),
} satisfies StepDefinition<FlowContext>;

const organisationOf = (state: FlowState) => contextId(state.context, 'organisationId') || (answerOf(state, organisationStep) ?? '');

const periodStep = {
  id: 'period',
  kind: 'choice',
  schema: z.string(),
  prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askPeriod({ organisation: organisationName(state) }))] }),
  options: async (ctx) => (await ctx.read.predikatPeriods(ctx.me)).map((period) => ({ value: period.key, label: periodLabel(period, ctx.me.locale) })),
} satisfies StepDefinition<FlowContext>;

/** The organisations' names, kept in the context when the flow begins. */
const organisationName = (state: FlowState) => contextId(state.context, `name:${organisationOf(state)}`);

function periodOf(state: FlowState): Period {
  const period = parsePeriodKey(answerOf(state, periodStep) ?? '');
  if (!period) throw new Error('penetapan flow without a period');
  return period;
}

/**
 * The organisation's distribution, read once per inbound update: a step's prompt, its options and the
 * next steps' `when` all ask for it, and for an OPD of thousands it is the heaviest read of the flow.
 */
const statusReads = new WeakMap<FlowContext, Map<string, Promise<OrganisationStatus | null>>>();

function statusOf(ctx: FlowContext, state: FlowState): Promise<OrganisationStatus | null> {
  const reads = statusReads.get(ctx) ?? new Map<string, Promise<OrganisationStatus | null>>();
  statusReads.set(ctx, reads);
  const key = `${organisationOf(state)} ${periodOf(state).key}`;
  let read = reads.get(key);
  if (!read) {
    read = ctx.services.penetapan.status(ctx.me, organisationOf(state), periodOf(state)).then((status) => (status.ok ? status.value : null));
    reads.set(key, read);
  }
  return read;
}

const actionStep = {
  id: 'action',
  kind: 'choice',
  schema: z.string(),
  async prompt(ctx, state) {
    const status = await statusOf(ctx, state);
    if (!status) return { blocks: [paragraph(t(ctx).denied)] };
    return { blocks: [...organisationView(ctx, status, periodOf(state)), paragraph(t(ctx).askAction)] };
  },
  async options(ctx, state) {
    const status = await statusOf(ctx, state);
    const m = t(ctx);
    if (!status) return [{ value: 'close', label: m.closeButton }];
    // The snapshot rides on the button: proposals changed meanwhile make it a different option.
    const establish = ctx.services.penetapan.establishRefusal(ctx.me, status, periodOf(state)) ? [] : [{ value: `establish~${status.snapshot}`, label: m.establishButton }];
    const sendBack = status.proposed.length > 0 ? [{ value: 'return', label: m.returnButton }] : [];
    return [...establish, ...sendBack, { value: 'close', label: m.closeButton }];
  },
} satisfies StepDefinition<FlowContext>;

const action = (state: FlowState) => answerOf(state, actionStep) ?? 'close';
const establishing = (state: FlowState) => action(state).startsWith('establish~');
const sendingBack = (state: FlowState) => action(state) === 'return';

const returnWhoStep = {
  id: 'returnWho',
  kind: 'choice',
  schema: z.string(),
  when: (state) => sendingBack(state),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askReturnWho)] }),
  async options(ctx, state) {
    const status = await statusOf(ctx, state);
    return (status?.proposed ?? []).map((entry) => ({
      value: entry.evaluation?.id ?? '',
      label: entry.name,
    }));
  },
} satisfies StepDefinition<FlowContext>;

const returnNoteStep = {
  id: 'returnNote',
  kind: 'text',
  maxLength: 500,
  schema: z.string().min(1),
  when: (state) => sendingBack(state),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askReturnNote)] }),
} satisfies StepDefinition<FlowContext>;

const reasonStep = {
  id: 'reason',
  kind: 'text',
  maxLength: 1000,
  schema: z.string().min(1),
  when: async (state, ctx) => establishing(state) && !!(await statusOf(ctx, state))?.needsReason,
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askReason)] }),
} satisfies StepDefinition<FlowContext>;

/** HR records the penetapan of a leader outside the bot: these steps ask for its document. */
const records = async (ctx: FlowContext, state: FlowState) => establishing(state) && (await statusOf(ctx, state))?.authority === 'HR';

const documentNumberStep = {
  id: 'documentNumber',
  kind: 'text',
  maxLength: 100,
  schema: z.string().min(1),
  when: (state, ctx) => records(ctx, state),
  prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).recordingFor({ organisation: organisationName(state) })), paragraph(t(ctx).askDocumentNumber)] }),
} satisfies StepDefinition<FlowContext>;

const decidedOnStep = {
  id: 'decidedOn',
  kind: 'date',
  schema: z.string(),
  when: (state, ctx) => records(ctx, state),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDecidedOn)] }),
} satisfies StepDefinition<FlowContext>;

const confirmStep = {
  id: 'confirm',
  kind: 'confirm',
  schema: z.boolean(),
  when: (state) => establishing(state),
  async prompt(ctx, state) {
    const status = await statusOf(ctx, state);
    return { blocks: [paragraph(t(ctx).confirm({ count: status?.proposed.length ?? 0, period: periodLabel(periodOf(state), ctx.me.locale), organisation: organisationName(state) }))] };
  },
} satisfies StepDefinition<FlowContext>;

/** The distribution as the leader sees it: capaian, counts, people, the curve with every broken rule, and what still blocks. */
export function organisationView(ctx: FlowContext, status: OrganisationStatus, period: Period): Block[] {
  const m = t(ctx);
  const locale = ctx.me.locale;
  const periodName = periodLabel(period, locale);
  const organisation = status.organisation.name;
  const blocks: Block[] = [paragraph(m.heading({ organisation, period: periodName }))];
  blocks.push(paragraph(status.unitPredikat ? m.capaian({ predikat: unitPredikatLabel(status.unitPredikat, locale) }) : m.noCapaian({ organisation, period: periodName })));
  const total = status.proposed.length + status.established.length;
  const line = EMPLOYEE_PREDIKATS.map((p) => `${predikatLabel(p, locale)} ${status.counts[p]}`).join(' · ');
  blocks.push(paragraph(m.counts({ line, total })));
  const lines = [
    ...status.waiting.map((e) => (e.evaluation ? m.entryDraft({ name: e.name, rater: e.evaluation.rater.name }) : m.entryUnrated({ name: e.name }))),
    ...status.proposed.map((e) => m.entryProposed({ name: e.name, predikat: e.evaluation?.predikat ? predikatLabel(e.evaluation.predikat, locale) : '-', rater: e.evaluation?.rater.name ?? '' })),
    ...status.established.map((e) => m.entryEstablished({ name: e.name, predikat: e.evaluation?.predikat ? predikatLabel(e.evaluation.predikat, locale) : '-' })),
  ];
  const shown = lines.slice(0, LISTED);
  if (lines.length > LISTED) shown.push(m.more({ count: lines.length - LISTED }));
  if (shown.length > 0) blocks.push(paragraph(shown.join('\n')));
  if (status.curve && status.unitPredikat) blocks.push(paragraph(explainCurveResult(status.curve, status.unitPredikat, locale)));
  const refusal = ctx.services.penetapan.establishRefusal(ctx.me, status, period);
  if (refusal && refusal.code !== 'NO_CAPAIAN') blocks.push(paragraph(refusalText(ctx, refusal)));
  return blocks;
}

/** Why the penetapan (or sending back) was refused, in words. */
function refusalText(ctx: FlowContext, refusal: PenetapanRefusal): string {
  const m = t(ctx);
  const locale = ctx.me.locale;
  switch (refusal.code) {
    case 'DENIED':
      return m.denied;
    case 'NO_CAPAIAN':
      return m.noCapaian({ organisation: refusal.organisation, period: periodLabel(refusal.period, locale) });
    case 'NOT_ENDED':
      return m.notEnded({ period: periodLabel(refusal.period, locale), from: civilDayLabel(refusal.from, locale) });
    case 'NOT_ALL_PROPOSED':
      return m.notAllProposed({ names: refusal.names.slice(0, LISTED).join(', ') + (refusal.names.length > LISTED ? ', …' : '') });
    case 'NOTHING_PROPOSED':
      return m.nothingProposed({ period: periodLabel(refusal.period, locale) });
    case 'CHANGED':
      return m.changed;
    case 'REASON_REQUIRED':
      return m.reasonRequired;
    case 'DOCUMENT_REQUIRED':
      return m.documentRequired;
    case 'DECIDED_LATER':
      return m.decidedLater;
    case 'NOT_PROPOSED':
      return m.notProposed;
  }
}

export const penetapanFlow: FlowDefinition<FlowContext> = {
  id: 'penetapan',
  version: 1,
  command: cmd('tetapkanpredikat'),
  title: (locale) => penetapanText[locale].title,
  async begin(ctx, context) {
    const organisations = await ctx.services.penetapan.organisations(ctx.me);
    if (organisations.length === 0) return refuse(say(t(ctx).noOrganisations));
    const names = Object.fromEntries(organisations.map((org) => [`name:${org.id}`, org.name]));
    const only = organisations.length === 1 ? { organisationId: organisations[0]?.id ?? '' } : {};
    return { ok: true, context: { ...context, ...names, ...only } };
  },
  steps: [organisationStep, periodStep, actionStep, returnWhoStep, returnNoteStep, reasonStep, documentNumberStep, decidedOnStep, confirmStep],
  async complete(ctx, state) {
    const m = t(ctx);
    const period = periodOf(state);
    const organisationId = organisationOf(state);
    if (sendingBack(state)) {
      const sent = await ctx.services.penetapan.sendBack(ctx.me, { organisationId, period, evaluationId: answerOf(state, returnWhoStep) ?? '', note: answerOf(state, returnNoteStep) ?? '' });
      if (!sent.ok) return [say(refusalText(ctx, sent.refusal))];
      await ctx.notify(sent.events);
      return [say(m.returned({ name: sent.value.employee, rater: sent.value.rater.name }))];
    }
    if (!establishing(state) || answerOf(state, confirmStep) !== true) return [say(m.closed)];
    const documentNumber = answerOf(state, documentNumberStep);
    const decidedOn = answerOf(state, decidedOnStep);
    const established = await ctx.services.penetapan.establish(ctx.me, {
      organisationId,
      period,
      confirmed: action(state).slice('establish~'.length),
      reason: answerOf(state, reasonStep) ?? null,
      ...(documentNumber ? { document: { documentNumber, decidedOn: decidedOn ?? '' } } : {}),
    });
    if (!established.ok) return [say(refusalText(ctx, established.refusal))];
    await ctx.notify(established.events);
    const done = say(m.established({ count: established.value.count, period: periodLabel(period, ctx.me.locale), organisation: organisationName(state) }));
    const { unreachable } = established.value;
    return unreachable.length > 0 ? [done, say(appraisalText[ctx.me.locale].resultsWaiting({ names: unreachable.map((p) => p.name).join(', ') }))] : [done];
  },
};
