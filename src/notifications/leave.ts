/** Who hears about leave recorded by someone else: the employee. */
import { paragraph, reply } from '../conversation/reply.js';
import { checkinText } from '../i18n/checkins.js';
import type { DomainEvent } from '../services/events.js';
import type { Notice } from './notice.js';

export function leaveRecorded({ employee, by, start, end }: Extract<DomainEvent, { type: 'leave.recorded' }>): Notice[] {
  const text = checkinText[employee.locale];
  return [{ to: employee, message: () => reply([paragraph(text.leaveSavedToEmployee({ by: by ?? text.leaveByHr, start, end }))]) }];
}
