/** Who hears about feedback, and what. */
import { bold, paragraph, quote, reply, shorten } from '../conversation/reply.js';
import { coreValueName } from '../domain/berakhlak.js';
import type { Locale } from '../i18n/catalogue.js';
import { dialogueText } from '../i18n/dialogue.js';
import type { DomainEvent } from '../services/events.js';
import type { FeedbackAbout } from '../services/feedback-service.js';
import type { Notice } from './notice.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** "RHK: …" or "Perilaku: …", for messages about feedback. */
export function aboutPhrase(about: FeedbackAbout, locale: Locale): string {
  const text = dialogueText[locale];
  return 'rhkText' in about ? text.aboutRhk({ text: shorten(about.rhkText, 80) }) : text.aboutValue({ value: coreValueName(about.coreValue, locale) });
}

/** The employee gets the feedback, with *Balas*. */
export function feedbackGiven({ feedback }: Of<'feedback.given'>): Notice[] {
  const { recipient } = feedback;
  return [
    {
      to: recipient,
      message(button) {
        const text = dialogueText[recipient.locale];
        const heading = text.feedbackToEmployee({ name: feedback.giver.name, kind: text[`kind${feedback.kind}`], about: aboutPhrase(feedback.about, recipient.locale) });
        return reply([paragraph(bold(heading)), quote(feedback.text)], [[button(text.replyButton, { kind: 'start', flow: 'feedback-reply', context: { feedbackId: feedback.id } })]]);
      },
    },
  ];
}

/** The giver reads the reply. */
export function feedbackReplied({ feedback }: Of<'feedback.replied'>): Notice[] {
  const { giver } = feedback;
  return [{ to: giver, message: () => reply([paragraph(bold(dialogueText[giver.locale].replyToSupervisor({ name: feedback.recipient.name }))), quote(feedback.text), quote(feedback.reply ?? '')]) }];
}

/** The supervisor gets the request, with *Beri umpan balik*. */
export function feedbackRequested({ requestId, requester, supervisor, rhk, topic }: Of<'feedback.requested'>): Notice[] {
  return [
    {
      to: supervisor,
      message(button) {
        const text = dialogueText[supervisor.locale];
        const about = rhk ? aboutPhrase({ rhkId: rhk.id, rhkText: rhk.text }, supervisor.locale) : text.aboutGeneral;
        const context = { reportId: requester.id, requestId, ...(rhk ? { rhkId: rhk.id } : {}) };
        return reply([paragraph(bold(text.requestToSupervisor({ name: requester.name, about }))), quote(topic)], [[button(text.giveFeedbackButton, { kind: 'start', flow: 'feedback', context })]]);
      },
    },
  ];
}
