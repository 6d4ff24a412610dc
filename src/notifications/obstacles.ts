/** Who hears about an obstacle, and what. */
import { bold, paragraph, quote, reply, shorten, type Block } from '../conversation/reply.js';
import { dialogueText } from '../i18n/dialogue.js';
import type { DomainEvent } from '../services/events.js';
import type { ObstacleView } from '../services/obstacles.js';
import type { Notice } from './notice.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

const resolvePayload = (obstacle: ObstacleView) => ({ kind: 'action' as const, name: 'obstacle.resolve', args: { obstacleId: obstacle.id } });

/** The supervisor gets the obstacle with *Tanggapi* and *Tandai selesai*. */
export function obstacleReported({ obstacle }: Of<'obstacle.reported'>): Notice[] {
  const supervisor = obstacle.supervisor;
  if (!supervisor) return [];
  return [
    {
      to: supervisor,
      message(button) {
        const text = dialogueText[supervisor.locale];
        const about = obstacle.rhkText ? text.obstacleAbout({ rhk: shorten(obstacle.rhkText, 80) }) : '';
        const blocks: Block[] = [paragraph(bold(text.obstacleToSupervisor({ name: obstacle.employee.name, about }))), quote(obstacle.text)];
        if (obstacle.supportNeeded) blocks.push(paragraph(bold(text.supportNeeded)), quote(obstacle.supportNeeded));
        return reply(blocks, [
          [button(text.respondButton, { kind: 'start', flow: 'obstacle-response', context: { obstacleId: obstacle.id } })],
          [button(text.resolveButton, resolvePayload(obstacle))],
        ]);
      },
    },
  ];
}

/** The employee gets the response, with *Tandai selesai*. */
export function obstacleResponded({ obstacle, response, by }: Of<'obstacle.responded'>): Notice[] {
  const employee = obstacle.employee;
  return [
    {
      to: employee,
      message(button) {
        const text = dialogueText[employee.locale];
        return reply([paragraph(bold(text.responseToEmployee({ name: by.name }))), quote(obstacle.text), quote(response)], [[button(text.resolveButton, resolvePayload(obstacle))]]);
      },
    },
  ];
}

/** The other side hears it was resolved. */
export function obstacleResolved({ obstacle, by }: Of<'obstacle.resolved'>): Notice[] {
  const other = by.id === obstacle.employee.id ? obstacle.supervisor : obstacle.employee;
  if (!other) return [];
  return [{ to: other, message: () => reply([paragraph(bold(dialogueText[other.locale].resolvedBy({ name: by.name }))), quote(obstacle.text)]) }];
}
