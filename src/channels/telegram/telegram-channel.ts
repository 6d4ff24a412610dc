/**
 * The Telegram channel on telegraf: long polling by default, a webhook on the bot's HTTP server
 * when TELEGRAM_WEBHOOK_URL is set (checking Telegram's secret-token header), the command menu in
 * Indonesian (and English for English-speaking clients), and sending rendered replies.
 */
import { createHash } from 'node:crypto';
import { Telegraf, TelegramError } from 'telegraf';
import type { ServerResponse } from 'node:http';
import type { InboundHandler } from '../../bot/context.js';
import { COMMANDS } from '../../bot/commands.js';
import type { Config } from '../../config/load.js';
import type { Reply } from '../../conversation/reply.js';
import { DeliveryError, type Channel } from '../../delivery/channel.js';
import type { HttpServer } from '../../http/server.js';
import { botText } from '../../i18n/bot.js';
import { commandsAsSlash } from '../../i18n/command-names.js';
import type { Logger } from '../../logging/logger.js';
import { toInboundEvent } from './inbound.js';
import { renderTelegram } from './render.js';

type TelegramConfig = NonNullable<Config['telegram']>;

/** The updates the bot acts on. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** The webhook secret: configured, or derived from the token so it needs no extra setting. */
export function webhookSecret(config: TelegramConfig): string {
  return config.webhookSecret ?? createHash('sha256').update(`dialog-kinerja-webhook:${config.botToken}`).digest('hex').slice(0, 48);
}

/** Sorts a Telegram API failure into retry later, person unreachable, or message rejected. */
export function classifyTelegramError(error: unknown): DeliveryError {
  if (!(error instanceof TelegramError)) return new DeliveryError('retry', (error as Error).message);
  const description = error.description;
  if (error.code === 429) return new DeliveryError('retry', description, (error.parameters?.retry_after ?? 5) * 1000);
  if (error.code === 403) return new DeliveryError('unreachable', description);
  if (error.code === 400 && /chat not found|user not found|PEER_ID_INVALID|user is deactivated/i.test(description)) {
    return new DeliveryError('unreachable', description);
  }
  if (error.code >= 500) return new DeliveryError('retry', description);
  return new DeliveryError('rejected', description);
}

/** Makes the webhook answer 503, so Telegram delivers the update again later (polling re-fetches it anyway). */
function refuseDelivery(telegram: unknown): void {
  // telegraf keeps the webhook's response on the context's Telegram client; it ends it when the middleware returns.
  const response = (telegram as { response?: ServerResponse }).response;
  if (response && !response.headersSent) response.statusCode = 503;
}

export class TelegramChannel implements Channel {
  readonly platform = 'TELEGRAM' as const;
  private readonly bot: Telegraf;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly config: TelegramConfig,
    private readonly http: HttpServer,
    private readonly logger: Logger,
  ) {
    // In webhook mode a button press's answerCallbackQuery rides on the webhook's HTTP response (the
    // one call made before the middleware returns; everything later goes out as a normal request).
    this.bot = new Telegraf(config.botToken, { telegram: { apiRoot: config.apiRoot, webhookReply: !!config.webhookUrl } });
    // A failing update must never stop polling: log it and go on (the bot itself already answered the person).
    this.bot.catch((error, ctx) => this.logger.error({ err: error, updateId: ctx.update.update_id }, 'telegram update failed'));
  }

  async start(handle: InboundHandler): Promise<void> {
    const webhook = !!this.config.webhookUrl;
    this.bot.use(async (ctx) => {
      const event = toInboundEvent(ctx.update);
      if (!event) return;
      // The update is answered (webhook: the HTTP response; polling: the next getUpdates) as soon as
      // the bot has stored it, not when it has been handled. A webhook update that could not be
      // stored is answered 503, and Telegram sends it again.
      let acknowledge: (accepted: boolean) => void = () => {};
      const accepted = new Promise<boolean>((resolve) => (acknowledge = resolve));
      const done = handle(event, webhook ? acknowledge : undefined);
      void done.then(async (effects) => {
        if (effects.clearButtons && ctx.callbackQuery) await ctx.editMessageReplyMarkup(undefined).catch(() => {});
      });
      if (webhook && !(await accepted)) {
        refuseDelivery(ctx.telegram);
        return;
      }
      if (!webhook) await done;
      // Stops the button's spinner; in webhook mode it is the webhook's answer (no request of its own).
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch((error: unknown) => this.logger.debug({ err: error }, 'answerCallbackQuery failed'));
    });
    this.bot.botInfo = await this.bot.telegram.getMe().catch((error: unknown) => {
      throw new Error(`Telegram did not accept TELEGRAM_BOT_TOKEN: ${error instanceof TelegramError ? error.description : String(error)}`);
    });
    await this.registerCommands();
    if (this.config.webhookUrl) {
      const path = new URL(this.config.webhookUrl).pathname;
      const secretToken = webhookSecret(this.config);
      const callback = this.bot.webhookCallback(path, { secretToken });
      this.http.route('POST', path, (request, response) => callback(request, response));
      await this.bot.telegram.setWebhook(this.config.webhookUrl, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES] });
      this.logger.info({ username: this.bot.botInfo.username, path }, 'telegram webhook set');
      return;
    }
    this.polling = this.bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
      this.logger.error({ err: error }, 'telegram long polling stopped');
    });
    this.logger.info({ username: this.bot.botInfo.username }, 'telegram long polling started');
  }

  async stop(): Promise<void> {
    if (this.polling) {
      this.bot.stop('shutdown');
      await this.polling;
    }
  }

  async send(chatId: string, message: Reply): Promise<{ externalMessageId: string }> {
    let lastId = '';
    if (message.image) {
      try {
        const photo = await this.bot.telegram.sendPhoto(chatId, { source: Buffer.from(message.image.base64, 'base64'), filename: message.image.fileName });
        lastId = String(photo.message_id);
      } catch (error) {
        throw classifyTelegramError(error);
      }
    }
    if (message.document) {
      try {
        const document = await this.bot.telegram.sendDocument(chatId, { source: Buffer.from(message.document.base64, 'base64'), filename: message.document.fileName });
        lastId = String(document.message_id);
      } catch (error) {
        throw classifyTelegramError(error);
      }
    }
    for (const part of renderTelegram(message)) {
      try {
        const sent = await this.bot.telegram.sendMessage(chatId, part.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(part.keyboard ? { reply_markup: { inline_keyboard: part.keyboard } } : {}),
        });
        lastId = String(sent.message_id);
      } catch (error) {
        throw classifyTelegramError(error);
      }
    }
    return { externalMessageId: lastId };
  }

  /** The command menu: Indonesian by default, English for clients set to English. */
  private async registerCommands(): Promise<void> {
    const menu = COMMANDS.filter((command) => command.name !== 'hubungkan');
    for (const locale of ['id', 'en'] as const) {
      const commands = menu.map((command) => ({ command: command.name, description: commandsAsSlash(botText[locale][command.description]) }));
      await this.bot.telegram.setMyCommands(commands, locale === 'en' ? { language_code: 'en' } : {});
    }
  }
}
