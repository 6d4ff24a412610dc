/**
 * Continuous feedback: the one place its life is decided. A supervisor (or Plt/Plh) gives feedback
 * on one RHK or one BerAKHLAK value, possibly answering a request; the employee replies once; an
 * employee asks their supervisor for feedback. A second reply (a stale *Balas*) is refused and the
 * write is guarded.
 */
import type { CoreValueCode } from '../domain/berakhlak.js';
import type { FeedbackKind } from '../generated/prisma/enums.js';
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** What feedback is about: one RHK (with its text), or one BerAKHLAK value. */
export type FeedbackAbout = { rhkId: string; rhkText: string } | { coreValue: CoreValueCode };

/** A piece of feedback as the rules and the messages need it. */
export interface FeedbackView {
  id: string;
  kind: FeedbackKind;
  text: string;
  reply: string | null;
  about: FeedbackAbout;
  giver: PersonRef;
  recipient: PersonRef;
}

/** Where feedback is kept. Writes take effect when the unit of work commits. */
export interface FeedbackStore {
  find(id: string): Promise<FeedbackView | null>;
  person(id: string): Promise<PersonRef | null>;
  rhkText(rhkId: string): Promise<string | null>;
  /** Whether a request is still open (null: no such request). */
  requestOpen(requestId: string): Promise<boolean | null>;
  insert(row: { id: string; recipientId: string; giverId: string; kind: FeedbackKind; rhkId: string | null; coreValue: CoreValueCode | null; text: string; requestId: string | null }): void;
  /** Guarded: only feedback not replied to yet. */
  reply(id: string, reply: { reply: string; repliedAt: Date }): void;
  insertRequest(row: { id: string; requesterId: string; requesteeId: string; rhkId: string | null; topic: string }): void;
}

/** Why feedback could not be given or answered. */
export type FeedbackRefusal = { code: 'NOT_FOUND' } | { code: 'ALREADY_REPLIED' } | { code: 'NO_SUPERVISOR' } | Denied;

export interface FeedbackDependencies {
  feedback: FeedbackStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

export class FeedbackService {
  constructor(private readonly deps: FeedbackDependencies) {}

  /** A supervisor gives feedback; answering a request marks it answered. */
  async give(
    actor: Member,
    input: { recipientId: string; about: { rhkId: string } | { coreValue: CoreValueCode }; kind: FeedbackKind; text: string; requestId: string | null },
  ): Promise<Result<FeedbackView, FeedbackRefusal>> {
    const { feedback, work } = this.deps;
    const denied = await authorise(this.deps.access, work, actor, 'GIVE_FEEDBACK', input.recipientId);
    if (denied) return refused(denied);
    const recipient = await feedback.person(input.recipientId);
    if (!recipient) return refused({ code: 'NOT_FOUND' });
    const about: FeedbackAbout = 'rhkId' in input.about ? { rhkId: input.about.rhkId, rhkText: (await feedback.rhkText(input.about.rhkId)) ?? '' } : input.about;
    // A request answered meanwhile (by the Plh, say) keeps its first answer; this feedback stands on its own.
    const requestId = input.requestId && (await feedback.requestOpen(input.requestId)) ? input.requestId : null;
    const id = this.deps.newId();
    feedback.insert({
      id,
      recipientId: input.recipientId,
      giverId: actor.id,
      kind: input.kind,
      rhkId: 'rhkId' in about ? about.rhkId : null,
      coreValue: 'coreValue' in about ? about.coreValue : null,
      text: input.text,
      requestId,
    });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'feedback.given', entityType: 'Feedback', entityId: id });
    const given: FeedbackView = { id, kind: input.kind, text: input.text, reply: null, about, giver: personOf(actor), recipient };
    return ok(given, [{ type: 'feedback.given', feedback: given }]);
  }

  /** Whether `actor` may still reply to this feedback, with it. */
  async openForReply(actor: Member, feedbackId: string): Promise<Result<FeedbackView, FeedbackRefusal>> {
    const found = await this.deps.feedback.find(feedbackId);
    if (!found || found.recipient.id !== actor.id) return refused({ code: 'NOT_FOUND' });
    return found.reply === null ? ok(found) : refused({ code: 'ALREADY_REPLIED' });
  }

  /** The employee replies, once. */
  async reply(actor: Member, feedbackId: string, text: string): Promise<Result<FeedbackView, FeedbackRefusal>> {
    const open = await this.openForReply(actor, feedbackId);
    if (!open.ok) return open;
    this.deps.feedback.reply(feedbackId, { reply: text, repliedAt: this.deps.work.now });
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'feedback.replied', entityType: 'Feedback', entityId: feedbackId });
    const replied: FeedbackView = { ...open.value, reply: text };
    return ok(replied, [{ type: 'feedback.replied', feedback: replied }]);
  }

  /** An employee asks their supervisor for feedback, on one RHK or in general. */
  async request(actor: Member, input: { rhkId: string | null; topic: string }): Promise<Result<{ id: string; supervisor: PersonRef }, FeedbackRefusal>> {
    const supervisor = actor.supervisorId ? await this.deps.feedback.person(actor.supervisorId) : null;
    if (!supervisor) return refused({ code: 'NO_SUPERVISOR' });
    const id = this.deps.newId();
    this.deps.feedback.insertRequest({ id, requesterId: actor.id, requesteeId: supervisor.id, rhkId: input.rhkId, topic: input.topic });
    this.deps.work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'feedback.requested', entityType: 'FeedbackRequest', entityId: id });
    const rhkText = input.rhkId ? await this.deps.feedback.rhkText(input.rhkId) : null;
    return ok({ id, supervisor }, [
      { type: 'feedback.requested', requestId: id, requester: personOf(actor), supervisor, rhk: input.rhkId ? { id: input.rhkId, text: rhkText ?? '' } : null, topic: input.topic },
    ]);
  }
}
