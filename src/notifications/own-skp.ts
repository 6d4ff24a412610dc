/** Who hears about an SKP the employee drafted: the PPK who establishes it, then the employee. */
import { bold, paragraph, quote, reply } from '../conversation/reply.js';
import { ownSkpText } from '../i18n/own-skp.js';
import type { DomainEvent } from '../services/events.js';
import { planContentBlocks } from '../services/plans.js';
import type { Notice } from './notice.js';
import { skpDocumentNotice } from './documents.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** The PPK gets the SKP with *Tetapkan* and *Kembalikan dengan catatan*; an official outside the bot gets nothing here (HR records it). */
export function planSubmitted({ plan, ppk }: Of<'plan.submitted'>): Notice[] {
  if (!ppk) return [];
  return [
    {
      to: ppk,
      message(button) {
        const text = ownSkpText[ppk.locale];
        return reply(
          [paragraph(bold(text.toPpk({ name: plan.employee.name }))), ...planContentBlocks(plan.content, ppk.locale)],
          [
            [button(text.establishButton, { kind: 'action', name: 'plan.establish', args: { planId: plan.content.id } })],
            [button(text.returnButton, { kind: 'start', flow: 'skp-return', context: { planId: plan.content.id } })],
          ],
        );
      },
    },
  ];
}

export function planEstablished({ plan, by, recordedFor }: Of<'plan.established'>): Notice[] {
  const employee = plan.employee;
  const text = ownSkpText[employee.locale];
  const { year, version } = plan.content;
  const official = recordedFor ? `${recordedFor.name}, ${recordedFor.title}` : '';
  const line = !recordedFor
    ? text.establishedToEmployee({ by: by?.name ?? '-', year, version })
    : by
      ? text.recordedToEmployee({ official, year, version, hr: by.name })
      : text.recordedToEmployeeByHr({ official, year, version });
  return [{ to: employee, message: () => reply([paragraph(line)]) }, skpDocumentNotice(employee, plan.content.id)];
}

/** The employee gets the note and a button to draft again. */
export function planReturned({ plan, note, by }: Of<'plan.returned'>): Notice[] {
  const employee = plan.employee;
  const text = ownSkpText[employee.locale];
  return [
    {
      to: employee,
      message: (button) =>
        reply([paragraph(bold(text.returnedToEmployee({ by: by.name, version: plan.content.version }))), quote(note)], [[button(text.reworkButton, { kind: 'start', flow: 'own-skp', context: {} })]]),
    },
  ];
}
