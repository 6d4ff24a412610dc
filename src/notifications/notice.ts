/** One message to one person about a domain event, built in that person's language. */
import type { ActionPayload } from '../conversation/flow.js';
import type { Button, Reply } from '../conversation/reply.js';
import type { PersonRef } from '../services/events.js';

/** Makes a button the recipient may press. */
export type ButtonFor = (label: string, payload: ActionPayload) => Button;

export interface Notice {
  to: PersonRef;
  /** The message, in `to.locale`; `button` makes buttons only `to` may press. */
  message(button: ButtonFor): Reply;
  /** A key under which this message is queued at most once (reminders and nudges). */
  dedupeKey?: string;
}
