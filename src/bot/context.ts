/**
 * Everything a command, action or flow needs while one inbound event is handled: the person, the
 * transaction, the outbox and button minting. Built by the pipeline, one per event.
 */
import type { ActionPayload, EngineContext } from '../conversation/flow.js';
import type { Button, Reply } from '../conversation/reply.js';
import type { Platform } from '../generated/prisma/client.js';
import type { Db } from '../services/db.js';
import type { OutboxWriter } from '../services/outbox.js';
import type { Member } from '../services/people.js';
import { mintToken } from '../services/tokens.js';
import { sessionStore } from '../services/sessions.js';

/** The chat the event came from. */
export interface Origin {
  platform: Platform;
  workspace: string;
  chatId: string;
  identityId: string | null;
  /** False for group chats (only HR's report commands are handled there). */
  private: boolean;
  /** The group's title, when there is one. */
  title: string | null;
}

/** Side effects for the channel: e.g. remove the buttons of a message whose choice was taken. */
export interface EventEffects {
  clearButtons: boolean;
  /** The answer was refused: why (a form shows it next to the field). */
  problem?: string;
  /** For an event from a form (Slack modal) while a conversation goes on: the replies to show in the form instead of the chat. */
  form?: Reply[];
}

/** The context of one event from a linked person. */
export interface BotContext extends EngineContext {
  db: Db;
  me: Member;
  origin: Origin;
  outbox: OutboxWriter;
  /** What the channel should do besides sending replies. */
  effects: EventEffects;
  /** A button that `employeeId` (not necessarily the person talking) may press. */
  buttonFor(employeeId: string, label: string, payload: ActionPayload): Promise<Button>;
}

/** Builds the context for `me` inside transaction `db`. */
export function botContext(options: { db: Db; me: Member; origin: Origin; outbox: OutboxWriter; now: Date }): BotContext {
  const { db, me, origin, outbox, now } = options;
  const buttonFor = async (employeeId: string, label: string, payload: ActionPayload): Promise<Button> => ({
    label,
    token: await mintToken(db, employeeId, payload, now),
  });
  return {
    db,
    me,
    origin,
    outbox,
    now,
    effects: { clearButtons: false },
    person: { id: me.id, locale: me.locale, timeZone: me.timeZone },
    sessions: sessionStore(db, { platform: origin.platform, identityId: origin.identityId }),
    button: (label, payload) => buttonFor(me.id, label, payload),
    buttonFor,
  };
}
