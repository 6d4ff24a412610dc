/**
 * Evidence files from Telegram: getFile gives a file_path, the bytes are at
 * <api root>/file/bot<token>/<file_path>. https://core.telegram.org/bots/api#getfile
 */
import { FETCH_TIMEOUT_MS, readLimited, TransientFetchError, type Fetched } from './fetched.js';

/**
 * "For the moment, bots can download files of up to 20MB in size." (Bot API, getFile,
 * https://core.telegram.org/bots/api#getfile). A local Bot API server has no such limit, but
 * this bot does not run one.
 */
export const TELEGRAM_GETFILE_LIMIT_BYTES = 20 * 1024 * 1024;

export interface TelegramFileSource {
  apiRoot: string;
  botToken: string;
}

interface BotApiAnswer {
  ok: boolean;
  result?: { file_path?: string; file_size?: number };
  error_code?: number;
  description?: string;
}

/** Fetches one file by its file_id, with the bot's own limit `maxBytes` on top of Telegram's. */
export async function fetchTelegramFile(source: TelegramFileSource, file: { fileId: string; declaredSize: number | null }, maxBytes: number): Promise<Fetched> {
  const limit = Math.min(maxBytes, TELEGRAM_GETFILE_LIMIT_BYTES);
  // The size in the message is Telegram's own: no need to ask for what it will not give.
  if (file.declaredSize !== null && file.declaredSize > limit) return { kind: 'TOO_LARGE', limitBytes: limit, detail: `file_size ${file.declaredSize} bytes` };
  const root = source.apiRoot.replace(/\/+$/, '');
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const answer = await fetch(`${root}/bot${source.botToken}/getFile?file_id=${encodeURIComponent(file.fileId)}`, { signal }).catch((error: unknown) => {
    throw new TransientFetchError(`getFile: ${(error as Error).message}`);
  });
  const body = (await answer.json().catch(() => ({ ok: false, error_code: answer.status, description: `HTTP ${answer.status}` }))) as BotApiAnswer;
  if (!body.ok || !body.result?.file_path) {
    const code = body.error_code ?? answer.status;
    const detail = `getFile: ${code} ${body.description ?? ''}`.trim();
    if (/file is too big/i.test(body.description ?? '')) return { kind: 'TOO_LARGE', limitBytes: TELEGRAM_GETFILE_LIMIT_BYTES, detail };
    // 400 (wrong or expired file id), 403, 404: Telegram's final word on this file. 401, 429, 5xx: try later.
    if (code === 400 || code === 403 || code === 404) return { kind: 'REFUSED', detail };
    throw new TransientFetchError(detail);
  }
  if ((body.result.file_size ?? 0) > limit) return { kind: 'TOO_LARGE', limitBytes: limit, detail: `file_size ${body.result.file_size} bytes` };
  const download = await fetch(`${root}/file/bot${source.botToken}/${body.result.file_path.split('/').map(encodeURIComponent).join('/')}`, { signal }).catch((error: unknown) => {
    throw new TransientFetchError(`download: ${(error as Error).message}`);
  });
  if (download.status === 404 || download.status === 403) return { kind: 'REFUSED', detail: `download: HTTP ${download.status}` };
  if (!download.ok) throw new TransientFetchError(`download: HTTP ${download.status}`);
  const bytes = await readLimited(download, limit);
  if (bytes === 'TOO_LARGE') return { kind: 'TOO_LARGE', limitBytes: limit, detail: 'the download went over the limit' };
  // Telegram serves everything as application/octet-stream: the message's MIME type is the better guess (the job picks).
  return { kind: 'FILE', bytes, contentType: undefined };
}
