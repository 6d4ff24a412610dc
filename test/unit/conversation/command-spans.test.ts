import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/bot/commands.js';
import { withoutCommandMarks, type InboundEvent } from '../../../src/bot/inbound.js';
import { bold, italic, labelText, list, paragraph, plainText, plainTextAs, reply, textReply } from '../../../src/conversation/reply.js';
import { botText } from '../../../src/i18n/bot.js';
import { cmd, COMMAND_NAMES, commandsAsSlash, splitCommands, stripCommandMarks } from '../../../src/i18n/command-names.js';
import { conversationText } from '../../../src/i18n/conversation.js';

/** The spans of a paragraph. */
const spansOf = (...parts: Parameters<typeof paragraph>) => {
  const block = paragraph(...parts);
  return block.type === 'paragraph' ? block.spans : [];
};

describe('commands named in the bot’s texts', () => {
  it('names exactly the commands the router knows', () => {
    expect([...COMMAND_NAMES].sort()).toEqual(COMMANDS.map((command) => command.name).sort());
  });

  it('turns the catalogue’s command names into command spans, in plain text and formatting alike', () => {
    expect(paragraph(`Ketik ${cmd('batal')} untuk berhenti.`)).toEqual({
      type: 'paragraph',
      spans: [
        { type: 'text', text: 'Ketik ' },
        { type: 'command', name: 'batal' },
        { type: 'text', text: ' untuk berhenti.' },
      ],
    });
    expect(spansOf(italic(`${cmd('kembali')} atau ${cmd('batal')}`))).toEqual([
      { type: 'command', name: 'kembali', style: 'italic' },
      { type: 'italic', text: ' atau ' },
      { type: 'command', name: 'batal', style: 'italic' },
    ]);
    expect(list([[`lihat ${cmd('skp')}`]])).toMatchObject({ items: [[{ type: 'text', text: 'lihat ' }, { type: 'command', name: 'skp' }]] });
  });

  it('leaves a person’s "/batal" as text: only the bot’s markers name commands', () => {
    const typed = 'Tersusunnya SOP /batal layanan';
    expect(spansOf(`RHK “${typed}” tersimpan.`, bold(typed))).toEqual([
      { type: 'text', text: `RHK “${typed}” tersimpan.` },
      { type: 'bold', text: typed },
    ]);
  });

  it('reads "/name" in plain text, or as the channel says', () => {
    const message = reply([paragraph(conversationText.id.stepHelp({ title: 'Umpan balik' }))], [[{ label: `Bantuan (${cmd('bantuan')})`, token: 't' }]]);
    expect(plainText(message)).toBe('Anda sedang mengisi “Umpan balik”. Jawab pertanyaan terakhir, atau ketik /kembali untuk mengulang langkah sebelumnya, /batal untuk berhenti.');
    expect(plainTextAs(message, (name) => `/kinerja ${name}`)).toContain('ketik /kinerja kembali untuk');
    expect(labelText(message.buttons[0]![0]!.label)).toBe('Bantuan (/bantuan)');
    expect(plainText(textReply(botText.en.notUnderstood))).toBe('Sorry, I did not understand. Type /bantuan to see the commands.');
  });

  it('names commands "/name" for terminals and menus, and finds them in a text', () => {
    expect(commandsAsSlash(botText.id.cmdCuti)).toBe('Catat cuti (Anda sendiri, atau bawahan: /cuti nama)');
    expect(splitCommands(`a ${cmd('tim')} b`)).toEqual(['a ', { command: 'tim' }, ' b']);
  });

  it('strips the markers from whatever a person sends, so nobody can make the bot name a command', () => {
    const forged = `Ketik ${cmd('batal')} sekarang`;
    expect(stripCommandMarks(forged)).toBe('Ketik batal sekarang');
    const event: InboundEvent = {
      platform: 'TELEGRAM',
      workspace: '',
      updateKey: 'u1',
      sender: { externalUserId: '1', username: `x${cmd('tim')}`, displayName: `Budi ${cmd('batal')}` },
      chat: { id: '1', private: true, title: cmd('skp') },
      message: { type: 'text', text: forged },
    };
    const clean = withoutCommandMarks(event);
    expect(clean.message).toEqual({ type: 'text', text: 'Ketik batal sekarang' });
    expect(clean.sender).toEqual({ externalUserId: '1', username: 'xtim', displayName: 'Budi batal' });
    expect(clean.chat.title).toBe('skp');
    expect(withoutCommandMarks({ ...event, message: { type: 'command', name: 'umpanbalik', args: `Andi ${cmd('batal')}` } }).message).toEqual({ type: 'command', name: 'umpanbalik', args: 'Andi batal' });
    // What reached the model from a person renders as typed.
    expect(spansOf(`Catatan: ${(clean.message as { text: string }).text}`)).toEqual([{ type: 'text', text: 'Catatan: Ketik batal sekarang' }]);
  });
});
