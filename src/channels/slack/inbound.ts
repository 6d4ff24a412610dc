/**
 * Turns what Bolt hands over (slash commands, direct messages, button clicks) into the bot's
 * platform-neutral event. Everything happens in the person's direct-message channel with the bot,
 * except HR's report commands, which belong to the channel they are typed in.
 */
import type { InboundEvent, InboundMessage } from '../../bot/inbound.js';
import { GROUP_COMMANDS } from '../../bot/commands.js';
import { FORM_COMMANDS } from './modal.js';

/**
 * Typed alone in a DM, these are commands: the three that steer a conversation (Slack itself
 * swallows "/batal" as an unknown slash command), and the forms' names, to have that conversation
 * in the DM instead of a modal.
 */
const BARE_WORDS = new Set(['batal', 'kembali', 'bantuan', 'cancel', 'back', 'help', ...FORM_COMMANDS]);

export interface SlackSender {
  userId: string;
  teamId: string;
  userName: string | null;
}

function base(sender: SlackSender, updateKey: string | null, chat: InboundEvent['chat'], raw: unknown) {
  return {
    platform: 'SLACK' as const,
    workspace: sender.teamId,
    updateKey,
    sender: { externalUserId: sender.userId, username: sender.userName, displayName: sender.userName ?? sender.userId },
    chat,
    raw,
  };
}

/** `/kinerja <subcommand> <args>`: the subcommand is the bot's command; none means the menu. */
export function parseSlashText(text: string): { name: string; args: string } {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  const name = first.replace(/^\//, '').toLowerCase();
  return name === '' ? { name: 'menu', args: '' } : { name, args: rest.join(' ') };
}

/** Whether a command typed in a channel stays there (HR's reports) rather than moving to the DM. */
export const staysInChannel = (name: string) => GROUP_COMMANDS.has(name);

/** A slash command, already placed in the chat it belongs to. */
export function slashCommandEvent(
  command: { text: string; trigger_id: string; channel_id: string; channel_name?: string },
  sender: SlackSender,
  chat: InboundEvent['chat'],
): InboundEvent {
  const { name, args } = parseSlashText(command.text);
  // trigger_id is unique per invocation: a request Slack sends twice is handled once.
  return { ...base(sender, `command:${command.trigger_id}`, chat, command), message: { type: 'command', name, args } };
}

/** A message a person wrote in their DM with the bot; undefined for anything else (edits, bots, channels). */
export function directMessageEvent(
  message: { channel: string; channel_type?: string; subtype?: string; bot_id?: string; text?: string; user?: string; files?: { id: string; name?: string; mimetype?: string; size?: number }[] },
  teamId: string,
  eventId: string | null,
): InboundEvent | undefined {
  if (message.channel_type !== 'im' || message.bot_id || !message.user) return undefined;
  if (message.subtype && message.subtype !== 'file_share') return undefined;
  const sender = { userId: message.user, teamId, userName: null };
  const file = message.files?.[0];
  let content: InboundMessage;
  if (file) {
    content = { type: 'file', file: { kind: file.mimetype?.startsWith('image/') ? 'PHOTO' : 'FILE', externalFileId: file.id, fileName: file.name, mimeType: file.mimetype, sizeBytes: file.size } };
  } else {
    const text = message.text ?? '';
    const word = text.trim().toLowerCase();
    content = BARE_WORDS.has(word) ? { type: 'command', name: word, args: '' } : { type: 'text', text };
  }
  return { ...base(sender, eventId ? `event:${eventId}` : null, { id: message.channel, private: true }, message), message: content };
}

/** A button click in a message the bot sent. */
export function buttonEvent(action: { value?: string; action_ts: string }, sender: SlackSender, channelId: string, triggerId: string): InboundEvent | undefined {
  if (!action.value) return undefined;
  return { ...base(sender, `action:${triggerId}:${action.action_ts}`, { id: channelId, private: channelId.startsWith('D') }, action), message: { type: 'button', token: action.value } };
}

/** An answer submitted in a modal page; the outcome belongs to the DM `channel`. */
export function formEvent(message: InboundMessage, sender: SlackSender, channel: string, updateKey: string): InboundEvent {
  return { ...base(sender, updateKey, { id: channel, private: true }, message), message, surface: 'form' };
}
