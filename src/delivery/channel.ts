/**
 * What a chat platform adapter offers the rest of the bot: start receiving (handing every event
 * to the bot), stop, and send one platform-neutral reply to a chat.
 */
import type { InboundHandler } from '../bot/context.js';
import type { Reply } from '../conversation/reply.js';
import type { Platform } from '../generated/prisma/client.js';

/** Why a send failed, so the sender knows whether to retry. */
export class DeliveryError extends Error {
  constructor(
    /** retry: try again later; unreachable: the person blocked the bot or left; rejected: this message can never be sent. */
    readonly kind: 'retry' | 'unreachable' | 'rejected',
    message: string,
    /** How long the platform asked us to wait (429), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface Channel {
  readonly platform: Platform;
  /** Starts receiving; every event goes to `handle`, which never throws. */
  start(handle: InboundHandler): Promise<void>;
  stop(): Promise<void>;
  /** Sends one message; throws DeliveryError. Returns the platform's message id. */
  send(chatId: string, message: Reply): Promise<{ externalMessageId: string }>;
}
