import { describe, expect, it } from 'vitest';
import { bold, list, paragraph, quote, reply } from '../../../src/conversation/reply.js';
import { cmd } from '../../../src/i18n/command-names.js';
import {
  escapeMrkdwn,
  renderSlack,
  SLACK_ACTIONS_MAX_ELEMENTS,
  SLACK_MESSAGE_MAX_BLOCKS,
  SLACK_SECTION_MAX_CHARS,
  splitText,
} from '../../../src/channels/slack/render.js';
import { classifySlackError } from '../../../src/channels/slack/errors.js';
import { ErrorCode } from '@slack/web-api';

const sectionTexts = (r: ReturnType<typeof renderSlack>) =>
  r.flatMap((m) => m.blocks).flatMap((b) => (b.type === 'section' ? [b.text.text] : []));

describe('Slack rendering', () => {
  it('escapes mentions, links and formatting marks in what people wrote', () => {
    const text = escapeMrkdwn('<!channel> <@U1> <https://x.example|klik> a & b *x* _y_ ~z~ `c`');
    expect(text).not.toMatch(/<|>/);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('a &amp; b');
    expect(text).not.toMatch(/(?<!\u200b)\*(?!\u200b)/);
  });

  it('keeps the bot’s own formatting and quotes user text set apart', () => {
    const [message] = renderSlack(reply([paragraph('Halo ', bold('Andi')), quote('baris 1\nbaris <2>')]));
    expect(sectionTexts([message!])).toEqual(['Halo *Andi*', '> baris 1\n> baris &lt;2&gt;']);
    expect(message!.text).toContain('Halo Andi');
  });

  it('names the bot’s commands the Slack way, in text, formatting, the fallback and buttons', () => {
    const message = reply(
      [paragraph(`Ketik ${cmd('batal')} untuk berhenti, `, bold('bantuan'), `: ${cmd('bantuan')}.`), list([[bold(cmd('tim')), ' – tim Anda']])],
      [[{ label: `Berhenti (${cmd('batal')})`, token: 't1' }]],
    );
    const [rendered] = renderSlack(message);
    expect(sectionTexts([rendered!])).toEqual(['Ketik /kinerja batal untuk berhenti, *bantuan*: /kinerja bantuan.', '• */kinerja tim* – tim Anda']);
    expect(rendered!.text).toBe('Ketik /kinerja batal untuk berhenti, bantuan: /kinerja bantuan.\n\n• /kinerja tim – tim Anda');
    expect(JSON.stringify(rendered!.blocks)).toContain('"text":"Berhenti (/kinerja batal)"');
  });

  it('never rewrites what a person wrote, even inside the bot’s paragraph', () => {
    // An RHK typed by a supervisor, shown inside the bot's own sentence and quoted.
    const rhk = 'Tersusunnya SOP /batal dan /bantuan layanan';
    const message = reply([paragraph(`RHK “${rhk}” tersimpan. Ketik ${cmd('batal')} untuk berhenti.`), quote(rhk)]);
    const [rendered] = renderSlack(message);
    expect(sectionTexts([rendered!])).toEqual([`RHK “${rhk}” tersimpan. Ketik /kinerja batal untuk berhenti.`, `> ${rhk}`]);
    expect(rendered!.text).toContain(`RHK “${rhk}” tersimpan. Ketik /kinerja batal`);
  });

  it('splits long text over sections instead of cutting it', () => {
    const long = 'kata '.repeat(2000).trim();
    const texts = sectionTexts(renderSlack(reply([paragraph(long)])));
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.every((t) => t.length <= SLACK_SECTION_MAX_CHARS)).toBe(true);
    expect(texts.join(' ').replace(/\s+/g, ' ')).toBe(long);
    expect(splitText('&amp;'.repeat(1000), 2800).every((piece) => !/&[a-z]*$/.test(piece) || piece.endsWith('&amp;'))).toBe(true);
  });

  it('spreads many blocks over several messages and many buttons over several action blocks', () => {
    const items = Array.from({ length: 120 }, (_, i) => paragraph(`Baris ${i + 1}`));
    const buttons = [Array.from({ length: 30 }, (_, i) => ({ label: `Pilihan ${i + 1}`, token: `tok${i}` }))];
    const messages = renderSlack(reply(items, buttons));
    expect(messages.every((m) => m.blocks.length <= SLACK_MESSAGE_MAX_BLOCKS)).toBe(true);
    const all = messages.flatMap((m) => m.blocks);
    expect(all.filter((b) => b.type === 'section')).toHaveLength(120);
    const actions = all.flatMap((b) => (b.type === 'actions' ? [b] : []));
    expect(actions.map((a) => a.elements.length)).toEqual([SLACK_ACTIONS_MAX_ELEMENTS, 5]);
    expect(new Set(actions.flatMap((a) => a.elements.map((e) => e.action_id))).size).toBe(30);
    expect(renderSlack(reply([list([['satu'], ['dua']], true)]))[0]!.blocks[0]).toMatchObject({ text: { text: '1. satu\n2. dua' } });
  });
});

describe('Slack delivery errors', () => {
  it('waits as told on 429, gives up on a gone chat or a wrong message, retries the rest', () => {
    expect(classifySlackError({ code: ErrorCode.RateLimitedError, retryAfter: 7 })).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    expect(classifySlackError({ code: ErrorCode.PlatformError, data: { error: 'channel_not_found' } })).toMatchObject({ kind: 'unreachable' });
    expect(classifySlackError({ code: ErrorCode.PlatformError, data: { error: 'invalid_blocks' } })).toMatchObject({ kind: 'rejected' });
    expect(classifySlackError({ code: ErrorCode.PlatformError, data: { error: 'internal_error' } })).toMatchObject({ kind: 'retry' });
    expect(classifySlackError({ code: ErrorCode.HTTPError, statusCode: 503 })).toMatchObject({ kind: 'retry' });
    expect(classifySlackError(new Error('ECONNRESET'))).toMatchObject({ kind: 'retry' });
  });
});
