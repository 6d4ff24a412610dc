/** What a failed Slack Web API call means for delivery: retry (and when), the person is gone, or the message can never be sent. */
import { ErrorCode } from '@slack/web-api';
import { DeliveryError } from '../../delivery/channel.js';

/** The chat is gone for the bot: the person left or was deactivated, or the channel was archived or the bot removed. */
const UNREACHABLE = new Set(['channel_not_found', 'is_archived', 'user_not_found', 'user_disabled', 'cannot_dm_bot', 'not_in_channel', 'restricted_action']);
/** The message itself is wrong; sending it again changes nothing. */
const REJECTED = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'no_text', 'invalid_arguments', 'too_many_attachments']);

export function classifySlackError(error: unknown): DeliveryError {
  const coded = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  switch (coded.code) {
    case ErrorCode.RateLimitedError:
      return new DeliveryError('retry', `Slack rate limit: retry after ${coded.retryAfter ?? 1} s`, (coded.retryAfter ?? 1) * 1000);
    case ErrorCode.PlatformError: {
      const reason = coded.data?.error ?? 'unknown_error';
      if (UNREACHABLE.has(reason)) return new DeliveryError('unreachable', `Slack: ${reason}`);
      if (REJECTED.has(reason)) return new DeliveryError('rejected', `Slack: ${reason}`);
      return new DeliveryError('retry', `Slack: ${reason}`);
    }
    case ErrorCode.HTTPError:
      return new DeliveryError('retry', `Slack answered HTTP ${coded.statusCode ?? '?'}`);
    default:
      return new DeliveryError('retry', `Slack not reachable: ${coded.message ?? String(error)}`);
  }
}
