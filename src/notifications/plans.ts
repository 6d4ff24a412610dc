/** Who hears about a plan, and what. */
import { bold, paragraph, quote, reply, type Reply } from '../conversation/reply.js';
import type { Locale } from '../i18n/catalogue.js';
import { planningText } from '../i18n/planning.js';
import type { DomainEvent } from '../services/events.js';
import { planContentBlocks, type PlanContent } from '../services/plans.js';
import type { ButtonFor, Notice } from './notice.js';
import { skpDocumentNotice } from './documents.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** The plan as the employee receives it, with *Setuju* / *Minta klarifikasi* buttons for them. */
export function proposalReply(plan: PlanContent, locale: Locale, button: ButtonFor, introBy?: string): Reply {
  const text = planningText[locale];
  return reply(
    [...(introBy ? [paragraph(bold(text.proposalIntro({ supervisor: introBy })))] : []), ...planContentBlocks(plan, locale)],
    [
      [button(text.agree, { kind: 'action', name: 'plan.agree', args: { planId: plan.id } })],
      [button(text.askClarification, { kind: 'start', flow: 'clarify', context: { planId: plan.id } })],
    ],
  );
}

export function planProposed({ plan }: Of<'plan.proposed'>): Notice[] {
  return [{ to: plan.employee, message: (button) => proposalReply(plan.content, plan.employee.locale, button, plan.rater?.name ?? '') }];
}

export function planAgreed({ plan }: Of<'plan.agreed'>): Notice[] {
  const rater = plan.rater;
  // The SKP is ditetapkan: the employee gets it as PDF with its lampiran.
  const document = skpDocumentNotice(plan.employee, plan.content.id);
  if (!rater) return [document];
  const { year, version } = plan.content;
  return [{ to: rater, message: () => reply([paragraph(planningText[rater.locale].agreedToSupervisor({ name: plan.employee.name, year, version }))]) }, document];
}

/** The supervisor who proposed the plan gets the question, with *Jawab* and *Revisi rencana*. */
export function clarificationRequested({ plan, clarificationId, question, askedBy }: Of<'plan.clarificationRequested'>): Notice[] {
  const rater = plan.rater;
  if (!rater) return [];
  return [
    {
      to: rater,
      message(button) {
        const text = planningText[rater.locale];
        return reply(
          [paragraph(bold(text.questionToSupervisor({ name: askedBy.name, version: plan.content.version }))), quote(question)],
          [
            [button(text.answerButton, { kind: 'start', flow: 'clarify-answer', context: { clarificationId } })],
            [button(text.reviseButton, { kind: 'start', flow: 'expectations', context: { reportId: plan.employee.id } })],
          ],
        );
      },
    },
  ];
}

/** The employee gets the answer and, while the plan is open, the plan again with its buttons. */
export function clarificationAnswered({ clarification, answer, by, stillOpen }: Of<'plan.clarificationAnswered'>): Notice[] {
  const employee = clarification.askedBy;
  const text = planningText[employee.locale];
  const answerBlocks = [paragraph(bold(text.answerToEmployee({ name: by.name }))), quote(answer)];
  if (!stillOpen) return [{ to: employee, message: () => reply(answerBlocks) }];
  return [
    { to: employee, message: () => reply([...answerBlocks, paragraph(text.answerFollowUp)]) },
    { to: employee, message: (button) => proposalReply(clarification.plan.content, employee.locale, button) },
  ];
}
