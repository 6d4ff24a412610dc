/**
 * /ekspor – HR (pengelola kinerja) picks a unit it covers, or its whole agency, a period, and what
 * to export, and receives the XLSX for e-Kinerja – or the unit's Dokumen Evaluasi Kinerja Pegawai
 * and SKP PDFs in one ZIP – in the chat. Only in private chats: the files hold ratings.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type Option, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { hrCovers, unitPathsOf } from '../domain/access.js';
import { parsePeriodKey, periodKeyLabel, periodLabel } from '../domain/periods.js';
import { exportText } from '../i18n/export.js';
import { documentsZipOutput, exportOutput } from '../reports/outputs.js';
import { documentText } from '../i18n/documents.js';
import { refuse, say } from './common.js';
import { cmd } from '../i18n/command-names.js';

/** The unit step's value for the whole agency. */
const WHOLE_AGENCY = 'all';

const t = (ctx: FlowContext) => exportText[ctx.me.locale];

/** What HR may export: its whole agency (an agency-wide role) and every unit it covers, by name. */
export async function exportableScopes(ctx: FlowContext): Promise<Option[]> {
  const { hrRoles } = await ctx.read.accessContextOf(ctx.me);
  if (!hrRoles.some((role) => role.agencyId === ctx.me.agencyId)) return [];
  const units = await ctx.read.unitsOf(ctx.me.agencyId);
  const paths = unitPathsOf(units);
  const covered = units.filter((unit) => hrCovers(hrRoles, ctx.me.agencyId, paths.get(unit.id) ?? [])).map((unit) => ({ value: unit.id, label: unit.name }));
  // An agency-wide role covers even an empty path.
  const whole = hrCovers(hrRoles, ctx.me.agencyId, []) ? [{ value: WHOLE_AGENCY, label: t(ctx).wholeAgency({ agency: ctx.me.agencyName }) }] : [];
  return [...whole, ...covered];
}

const unitStep = {
  id: 'unit',
  kind: 'choice',
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askUnit)] }),
  options: (ctx) => exportableScopes(ctx),
} satisfies StepDefinition<FlowContext>;

const periodStep = {
  id: 'period',
  kind: 'choice',
  schema: z.string(),
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askPeriod({ unit: await scopeLabel(ctx, state) }))] }),
  // The current and previous periodic period of the agency's cadence, this year and last year.
  options: async (ctx) => (await ctx.read.predikatPeriods(ctx.me)).map((period) => ({ value: period.key, label: periodLabel(period, ctx.me.locale) })),
} satisfies StepDefinition<FlowContext>;

/** What to export: the e-Kinerja data, or the documents. */
const WHAT = { xlsx: 'xlsx', documents: 'documents' } as const;

const whatStep = {
  id: 'what',
  kind: 'choice',
  schema: z.enum([WHAT.xlsx, WHAT.documents]),
  prompt: async (ctx, state) => ({
    blocks: [paragraph(documentText[ctx.me.locale].askWhat({ unit: await scopeLabel(ctx, state), period: periodKeyLabel(answerOf(state, periodStep) ?? '', ctx.me.locale) }))],
  }),
  options: (ctx) => [
    { value: WHAT.xlsx, label: documentText[ctx.me.locale].whatXlsx },
    { value: WHAT.documents, label: documentText[ctx.me.locale].whatDocuments },
  ],
} satisfies StepDefinition<FlowContext>;

async function scopeLabel(ctx: FlowContext, state: FlowState): Promise<string> {
  const value = answerOf(state, unitStep) ?? '';
  return (await exportableScopes(ctx)).find((option) => option.value === value)?.label ?? '';
}

function refusal(ctx: FlowContext) {
  ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'access.denied', entityType: 'Employee', entityId: ctx.me.id, details: { attempted: 'EXPORT', reason: 'NOT_HR' } });
  return say(t(ctx).notHr);
}

export const exportFlow: FlowDefinition<FlowContext> = {
  id: 'export',
  // 2: the third step, XLSX or the documents' ZIP.
  version: 2,
  command: cmd('ekspor'),
  title: (locale) => exportText[locale].title,
  async begin(ctx, context) {
    if ((await exportableScopes(ctx)).length === 0) return refuse(refusal(ctx));
    return { ok: true, context };
  },
  steps: [unitStep, periodStep, whatStep],
  async complete(ctx, state) {
    const scope = answerOf(state, unitStep) ?? '';
    const period = parsePeriodKey(answerOf(state, periodStep) ?? '');
    // Coverage again at the end: the HR role may have changed while the person chose.
    if (!period || !(await exportableScopes(ctx)).some((option) => option.value === scope)) return [refusal(ctx)];
    // The file is made by the delivery job (reports/outputs.ts), not while this answer is handled.
    const request = { agencyId: ctx.me.agencyId, unitId: scope === WHOLE_AGENCY ? null : scope, periodKey: period.key, locale: ctx.me.locale, requestedBy: ctx.me.id, channel: ctx.origin.platform };
    return [answerOf(state, whatStep) === WHAT.documents ? documentsZipOutput(request) : exportOutput(request)];
  },
};
