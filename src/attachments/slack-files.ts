/**
 * Evidence files from Slack: files.info gives url_private_download, fetched with the bot token
 * (needs the files:read scope). https://api.slack.com/methods/files.info
 */
import { FETCH_TIMEOUT_MS, readLimited, TransientFetchError, type Fetched } from './fetched.js';

export interface SlackFileSource {
  /** The Web API base URL, ending in a slash. */
  apiUrl: string;
  botToken: string;
}

interface FilesInfoAnswer {
  ok: boolean;
  error?: string;
  file?: { url_private_download?: string; url_private?: string; permalink?: string; size?: number; mimetype?: string };
}

/** Slack errors that are its final word on a file (https://api.slack.com/methods/files.info#errors). */
const REFUSALS = new Set(['file_not_found', 'file_deleted', 'access_denied', 'missing_scope', 'not_in_channel', 'team_access_not_granted', 'no_permission']);

export async function fetchSlackFile(source: SlackFileSource, file: { fileId: string }, maxBytes: number): Promise<Fetched> {
  const headers = { authorization: `Bearer ${source.botToken}` };
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const answer = await fetch(`${source.apiUrl}files.info?file=${encodeURIComponent(file.fileId)}`, { headers, signal }).catch((error: unknown) => {
    throw new TransientFetchError(`files.info: ${(error as Error).message}`);
  });
  if (!answer.ok) throw new TransientFetchError(`files.info: HTTP ${answer.status}`);
  const body = (await answer.json()) as FilesInfoAnswer;
  if (!body.ok || !body.file) {
    if (REFUSALS.has(body.error ?? '')) return { kind: 'REFUSED', detail: `files.info: ${body.error}` };
    throw new TransientFetchError(`files.info: ${body.error ?? 'no file'}`);
  }
  const { permalink } = body.file;
  const linked = permalink ? { permalink } : {};
  if ((body.file.size ?? 0) > maxBytes) return { kind: 'TOO_LARGE', limitBytes: maxBytes, detail: `size ${body.file.size} bytes`, ...linked };
  const url = body.file.url_private_download ?? body.file.url_private;
  if (!url) return { kind: 'REFUSED', detail: 'files.info: no download URL (an external file?)', ...linked };
  const download = await fetch(url, { headers, signal }).catch((error: unknown) => {
    throw new TransientFetchError(`download: ${(error as Error).message}`);
  });
  if (download.status === 403 || download.status === 404) return { kind: 'REFUSED', detail: `download: HTTP ${download.status}`, ...linked };
  if (!download.ok) throw new TransientFetchError(`download: HTTP ${download.status}`);
  // Without access Slack answers 200 with its sign-in page instead of the file.
  if (/^text\/html/i.test(download.headers.get('content-type') ?? '') && !/^text\/html/i.test(body.file.mimetype ?? '')) {
    await download.body?.cancel();
    return { kind: 'REFUSED', detail: 'download: Slack answered with its sign-in page (does the app have files:read?)', ...linked };
  }
  const bytes = await readLimited(download, maxBytes);
  if (bytes === 'TOO_LARGE') return { kind: 'TOO_LARGE', limitBytes: maxBytes, detail: 'the download went over the limit', ...linked };
  return { kind: 'FILE', bytes, contentType: download.headers.get('content-type') ?? body.file.mimetype, ...linked };
}
