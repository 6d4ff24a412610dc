import { describe, expect, it } from 'vitest';
import { renderConsole, stripControl } from '../../../src/channels/console/render.js';
import { escapeHtml, renderTelegram, TELEGRAM_MESSAGE_MAX_CHARS } from '../../../src/channels/telegram/render.js';
import { bold, list, paragraph, plainText, quote, reply } from '../../../src/conversation/reply.js';
import { cmd } from '../../../src/i18n/command-names.js';

const hostile = '<b>Budi</b> & <script>alert(1)</script> *tebal* _miring_ [tautan](http://x) <!channel> @everyone';

describe('rendering for Telegram', () => {
  it('escapes every piece of text, including what people typed, and formats only what the bot formats', () => {
    const [message] = renderTelegram(reply([paragraph('Dari ', bold(hostile)), quote(hostile), list([[hostile]])]));
    expect(message?.html).toContain('<b>&lt;b&gt;Budi&lt;/b&gt; &amp; &lt;script&gt;');
    expect(message?.html).toContain('<blockquote>&lt;b&gt;Budi');
    expect(message?.html).not.toMatch(/<script>|<b>Budi<\/b>/);
  });

  it('splits a long message at block boundaries below the 4,096-character limit, buttons on the last part', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => paragraph(`${i} ${'x'.repeat(300)}`));
    const parts = renderTelegram(reply(blocks, [[{ label: 'Setuju', token: 'T'.repeat(16) }]]));
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.html.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_MAX_CHARS);
    expect(parts.slice(0, -1).every((part) => part.keyboard === undefined)).toBe(true);
    expect(parts.at(-1)?.keyboard).toEqual([[{ text: 'Setuju', callback_data: 'T'.repeat(16) }]]);
  });

  it('names the bot’s commands the Telegram way, in text and on buttons, and leaves a person’s text alone', () => {
    const [message] = renderTelegram(reply([paragraph(`Ketik ${cmd('batal')} untuk berhenti. RHK: SOP /tim <baru>`)], [[{ label: `Bantuan (${cmd('bantuan')})`, token: 't1' }]]));
    expect(message?.html).toBe('Ketik /batal untuk berhenti. RHK: SOP /tim &lt;baru&gt;');
    expect(message?.keyboard).toEqual([[{ text: 'Bantuan (/bantuan)', callback_data: 't1' }]]);
  });

  it('cuts a very long quote into pieces that each fit', () => {
    const parts = renderTelegram(reply([quote('y'.repeat(9_000))]));
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part.html.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_MAX_CHARS);
  });

  it('refuses a button whose data would exceed 64 bytes rather than let Telegram reject the message', () => {
    expect(() => renderTelegram(reply([paragraph('x')], [[{ label: 'a', token: 'é'.repeat(33) }]]))).toThrow(/64 bytes/);
  });

  it('shortens long button labels', () => {
    const [message] = renderTelegram(reply([paragraph('x')], [[{ label: 'L'.repeat(100), token: 't' }]]));
    expect(message?.keyboard?.[0]?.[0]?.text).toHaveLength(60);
  });

  it('escapes the three characters Telegram HTML needs', () => {
    expect(escapeHtml('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
  });
});

describe('rendering for the console', () => {
  it('removes terminal control sequences from text people typed', () => {
    const evil = 'Budi\u001b[2J\u001b]0;hacked\u0007\r\n';
    expect(stripControl(evil)).toBe('Budi[2J]0;hacked\n');
    expect(renderConsole(reply([quote(evil)]), { ansi: true })).not.toContain('\u001b[2J');
  });

  it('shows buttons as letters to type', () => {
    const text = renderConsole(reply([paragraph('Setuju?')], [[{ label: 'Ya', token: 't1' }], [{ label: 'Tidak', token: 't2' }]]), { ansi: false });
    expect(text).toBe('Setuju?\n\n  [a] Ya   [b] Tidak');
  });

  it('names the bot’s commands "/name", on buttons too', () => {
    const text = renderConsole(reply([paragraph(`Ketik ${cmd('batal')}.`)], [[{ label: `Keluar (${cmd('batal')})`, token: 't1' }]]), { ansi: false });
    expect(text).toBe('Ketik /batal.\n\n  [a] Keluar (/batal)');
  });

  it('keeps a plain-text fallback of every reply', () => {
    expect(plainText(reply([paragraph('A ', bold('B')), list([['satu'], ['dua']], true), quote('q\nr')]))).toBe('A B\n\n1. satu\n2. dua\n\n> q\n> r');
  });
});
