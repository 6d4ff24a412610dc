/**
 * Everything a command, action or flow needs while one inbound event is decided: the person, a
 * read-only view of the database, the unit of work that collects what the decision changes
 * (written afterwards by the committer in one short transaction), the outbox and buttons. Built by
 * the pipeline, one per decision.
 */
import type { ActionPayload, EngineContext } from '../conversation/flow.js';
import type { Button, Reply } from '../conversation/reply.js';
import type { Platform } from '../generated/prisma/client.js';
import { notify } from '../notifications/notify.js';
import type { Reader } from '../services/db.js';
import type { DomainEvent, PersonRef } from '../services/events.js';
import { Outbox } from '../services/outbox.js';
import type { Member } from '../services/people.js';
import { servicesFor, type Services } from '../services/registry.js';
import { sessionStore } from '../services/sessions.js';
import type { UnitOfWork } from '../services/work.js';
import { queriesFor, type Queries } from '../services/queries.js';
import type { InboundEvent } from './inbound.js';

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

/**
 * How a channel hands an event to the bot; the promise resolves when the event was handled, and
 * never rejects. A channel whose platform delivers an update again when it is not acknowledged (a
 * webhook) passes `onAccepted`: it is called once the event is stored (true) – the moment to answer
 * the platform – or could not be (false): then the bot drops it, and the platform's redelivery
 * brings it back. Without `onAccepted`, an event that could not be stored is still handled.
 */
export type InboundHandler = (event: InboundEvent, onAccepted?: (accepted: boolean) => void) => Promise<EventEffects>;

/** The context of one event from a linked person. */
export interface BotContext extends EngineContext {
  /** Reads only: writes go into `work`. Commands may read here; flows ask `read`. */
  db: Reader;
  /** The named questions a flow may ask (services/queries.ts). */
  read: Queries;
  work: UnitOfWork;
  me: Member;
  origin: Origin;
  outbox: Outbox;
  /** The services that own the rules; flows call them instead of writing. */
  services: Services;
  /** Tells the people concerned about what a service did; returns those the bot cannot reach. */
  notify(events: DomainEvent[]): Promise<PersonRef[]>;
  /** What the channel should do besides sending replies. */
  effects: EventEffects;
  /** A button that `employeeId` (not necessarily the person talking) may press. */
  buttonFor(employeeId: string, label: string, payload: ActionPayload): Promise<Button>;
}

/**
 * What a flow sees: the event's context without the database handle – it reads through `read`
 * and changes things through `services`.
 */
export type FlowContext = Omit<BotContext, 'db'>;

/** Builds the context for `me`, deciding with reads from `db` into `work`. */
export function botContext(options: { db: Reader; work: UnitOfWork; me: Member; origin: Origin }): BotContext {
  const { db, work, me, origin } = options;
  const buttonFor = (employeeId: string, label: string, payload: ActionPayload): Promise<Button> => Promise.resolve(work.button(employeeId, label, payload));
  return {
    db,
    work,
    me,
    origin,
    read: queriesFor(db, work.now),
    outbox: new Outbox(db, work),
    services: servicesFor(db, work),
    notify: (events) => notify(db, work, events),
    now: work.now,
    effects: { clearButtons: false },
    person: { id: me.id, locale: me.locale, timeZone: me.timeZone },
    sessions: sessionStore(db, work, { platform: origin.platform, identityId: origin.identityId }),
    button: (label, payload) => buttonFor(me.id, label, payload),
    buttonFor,
  };
}
