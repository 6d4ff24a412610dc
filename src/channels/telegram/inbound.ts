/**
 * Turns a Telegram update into the bot's platform-neutral event. Updates the bot does not act
 * on (edits, channel posts, membership changes) give undefined.
 */
import type { Update } from '@telegraf/types';
import { parseCommand, type InboundEvent, type InboundMessage } from '../../bot/inbound.js';

type Chat = { id: number; type: string; title?: string };
type From = { id: number; username?: string; first_name: string; last_name?: string };

function sender(from: From): InboundEvent['sender'] {
  return {
    externalUserId: String(from.id),
    username: from.username ?? null,
    displayName: [from.first_name, from.last_name].filter(Boolean).join(' '),
  };
}

/** The message content of a Telegram message as the bot understands it. */
function messageOf(message: Record<string, unknown>): InboundMessage {
  if (typeof message['text'] === 'string') {
    const text = message['text'];
    const entities = (message['entities'] as { type: string; offset: number }[] | undefined) ?? [];
    const command = entities.some((entity) => entity.type === 'bot_command' && entity.offset === 0) ? parseCommand(text) : undefined;
    return command ? { type: 'command', ...command } : { type: 'text', text };
  }
  const document = message['document'] as { file_id: string; file_name?: string; mime_type?: string; file_size?: number } | undefined;
  if (document) {
    return {
      type: 'file',
      file: { kind: 'FILE', externalFileId: document.file_id, fileName: document.file_name, mimeType: document.mime_type, sizeBytes: document.file_size },
    };
  }
  const photos = message['photo'] as { file_id: string; file_size?: number; width: number; height: number }[] | undefined;
  if (photos && photos.length > 0) {
    // Telegram sends several sizes; keep the largest.
    const largest = photos.reduce((best, photo) => (photo.width * photo.height > best.width * best.height ? photo : best));
    return { type: 'file', file: { kind: 'PHOTO', externalFileId: largest.file_id, mimeType: 'image/jpeg', sizeBytes: largest.file_size } };
  }
  const kind = Object.keys(message).find((key) => !['message_id', 'date', 'chat', 'from', 'entities', 'caption_entities'].includes(key));
  return { type: 'unsupported', what: kind ?? 'unknown' };
}

/** The event for `update`, or undefined when there is nothing to handle. */
export function toInboundEvent(update: Update): InboundEvent | undefined {
  const base = { platform: 'TELEGRAM' as const, workspace: '', updateKey: String(update.update_id), raw: update };
  if ('message' in update && update.message.from) {
    const message = update.message as unknown as Record<string, unknown> & { chat: Chat; from: From };
    const chat = { id: String(message.chat.id), private: message.chat.type === 'private', ...(message.chat.title ? { title: message.chat.title } : {}) };
    return { ...base, sender: sender(message.from), chat, message: messageOf(message) };
  }
  if ('callback_query' in update) {
    const query = update.callback_query as { from: From; data?: string; message?: { chat: Chat } };
    if (!query.message || typeof query.data !== 'string') return undefined;
    return {
      ...base,
      sender: sender(query.from),
      chat: { id: String(query.message.chat.id), private: query.message.chat.type === 'private' },
      message: { type: 'button', token: query.data },
    };
  }
  return undefined;
}
