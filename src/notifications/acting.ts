/** Who hears about a Plt/Plh recorded or ended early: the acting person, and the official while still active. */
import { paragraph, reply } from '../conversation/reply.js';
import { actingText } from '../i18n/acting.js';
import type { ActingView } from '../services/acting-service.js';
import type { DomainEvent } from '../services/events.js';
import type { Notice } from './notice.js';

function line(assignment: ActingView) {
  const { kind, acting, official, start, end, note } = assignment;
  return { kind, acting: acting.name, official: official.name, position: official.position, start, end, note };
}

/**
 * The acting person, and the official unless they have left (a Plt often covers a vacant post) –
 * but not the HR officer who made the change: they were answered.
 */
function recipients(assignment: ActingView, by: { id: string } | null) {
  const people = assignment.official.active ? [assignment.acting, assignment.official] : [assignment.acting];
  return people.filter((person) => person.id !== by?.id);
}

export function actingRecorded({ assignment, by }: Extract<DomainEvent, { type: 'acting.recorded' }>): Notice[] {
  return recipients(assignment, by).map((to) => {
    const text = actingText[to.locale];
    const p = { ...line(assignment), by: by?.name ?? text.byHr };
    return { to, message: () => reply([paragraph(to.id === assignment.acting.id ? text.toActing(p) : text.toOfficial(p))]) };
  });
}

export function actingEnded({ assignment, by }: Extract<DomainEvent, { type: 'acting.ended' }>): Notice[] {
  return recipients(assignment, by).map((to) => {
    const text = actingText[to.locale];
    return { to, message: () => reply([paragraph(to.id === assignment.acting.id ? text.endedToActing(line(assignment)) : text.endedToOfficial(line(assignment)))]) };
  });
}
