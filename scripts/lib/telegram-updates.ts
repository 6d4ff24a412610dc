/**
 * Telegram updates as the Bot API posts them to a webhook, for a person in a private chat: a text
 * message (a leading /command carries its bot_command entity, as Telegram adds it) and a button
 * press (callback_query on one of the bot's messages).
 */

/** A user of the benchmark; their private chat has the same id, as in Telegram. */
export interface TelegramUser {
  id: number;
  firstName: string;
}

const BOT = { id: 7_000_000_001, is_bot: true, first_name: 'Dialog Kinerja', username: 'dialog_kinerja_bench_bot' };

let updateId = 100_000;
let messageId = 1_000_000_000;
let queryId = 0;

const from = (user: TelegramUser) => ({ id: user.id, is_bot: false, first_name: user.firstName, language_code: 'id' });
const chat = (user: TelegramUser) => ({ id: user.id, type: 'private', first_name: user.firstName });
const seconds = () => Math.floor(Date.now() / 1000);

/** The update of `user` typing `text`. */
export function textUpdate(user: TelegramUser, text: string): { update_id: number; message: Record<string, unknown> } {
  const command = /^\/\w+/.exec(text)?.[0];
  return {
    update_id: ++updateId,
    message: {
      message_id: ++messageId,
      from: from(user),
      chat: chat(user),
      date: seconds(),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    },
  };
}

/** The update of `user` pressing the button carrying `data` under the bot's message `botMessageId`. */
export function callbackUpdate(user: TelegramUser, botMessageId: number, data: string): { update_id: number; callback_query: Record<string, unknown> } {
  return {
    update_id: ++updateId,
    callback_query: {
      id: `${BOT.id}${String(++queryId).padStart(9, '0')}`,
      from: from(user),
      chat_instance: String(-7_000_000 - user.id),
      message: { message_id: botMessageId, from: BOT, chat: chat(user), date: seconds(), text: '…' },
      data,
    },
  };
}
