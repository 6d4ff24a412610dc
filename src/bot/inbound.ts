/**
 * What a channel hands the bot: one platform-neutral event per thing a person did. The raw
 * platform payload stays in `raw`, for logs only.
 */
import type { FileRef } from '../conversation/flow.js';
import type { Platform } from '../generated/prisma/client.js';
import { stripCommandMarks } from '../i18n/command-names.js';

/** What the person sent. */
export type InboundMessage =
  | { type: 'command'; name: string; args: string }
  | { type: 'text'; text: string }
  | { type: 'button'; token: string }
  | { type: 'file'; file: FileRef }
  | { type: 'unsupported'; what: string };

/** One inbound event from a chat platform. */
export interface InboundEvent {
  platform: Platform;
  /** Slack team id; empty for Telegram and the console. */
  workspace: string;
  /** The platform's id of this delivery (Telegram update_id, Slack event_id) so a redelivery is handled once; null when there is none. */
  updateKey: string | null;
  sender: { externalUserId: string; username: string | null; displayName: string };
  chat: { id: string; private: boolean; title?: string };
  message: InboundMessage;
  /** The sender's e-mail address as the platform knows it (Slack's profile), asked only when the
   * sender is not linked yet: a match with an imported employee links the account. */
  lookupEmail?: () => Promise<string | null>;
  /** 'form': the event comes from a form (a Slack modal); while a conversation goes on, its replies go back to the form. */
  surface?: 'chat' | 'form';
  raw?: unknown;
}

/** Splits "/start@MyBot ABC" into a lower-case command name and its arguments. */
export function parseCommand(text: string): { name: string; args: string } | undefined {
  const match = /^\/([A-Za-z0-9_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  return match ? { name: (match[1] ?? '').toLowerCase(), args: (match[2] ?? '').trim() } : undefined;
}

/**
 * The event without the characters the bot's texts mark command names with (src/i18n/command-names.ts),
 * wherever it carries text from a person or their profile: nobody can make the bot name a command in
 * what they typed, their name or their group's title. Applied once, when the bot takes an event in.
 */
export function withoutCommandMarks(event: InboundEvent): InboundEvent {
  const message = event.message;
  const clean =
    message.type === 'text'
      ? { ...message, text: stripCommandMarks(message.text) }
      : message.type === 'command'
        ? { ...message, name: stripCommandMarks(message.name), args: stripCommandMarks(message.args) }
        : message.type === 'file' && message.file.fileName !== undefined
          ? { ...message, file: { ...message.file, fileName: stripCommandMarks(message.file.fileName) } }
          : message;
  return {
    ...event,
    sender: { ...event.sender, displayName: stripCommandMarks(event.sender.displayName), username: event.sender.username === null ? null : stripCommandMarks(event.sender.username) },
    chat: event.chat.title === undefined ? event.chat : { ...event.chat, title: stripCommandMarks(event.chat.title) },
    message: clean,
  };
}
