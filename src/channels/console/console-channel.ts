/**
 * The console channel: the bot in a terminal, for trying it out and for tests. You act as one
 * person at a time (`/as <nama atau NIP>`, `/orang` lists people); messages the bot sends to
 * anyone else appear labelled with the recipient. A letter presses a button of the last message.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { EventEffects } from '../../bot/context.js';
import { parseCommand, type InboundEvent } from '../../bot/inbound.js';
import type { DocumentAttachment, Reply } from '../../conversation/reply.js';
import type { Channel } from '../../delivery/channel.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/catalogue.js';
import { consoleText } from '../../i18n/console.js';
import { BUTTON_KEYS, renderConsole, stripControl } from './render.js';

export interface ConsoleOptions {
  prisma: PrismaClient;
  input: Readable;
  output: Writable;
  /** Bold and italics with ANSI escapes (on a terminal). */
  ansi: boolean;
  locale: Locale;
  /** Who you are at the start; defaults to nobody until `/as`. */
  initialEmployeeId?: string;
  /** Where files the bot sends (exports) are saved, since a terminal cannot show them; unset: only named. */
  downloadDir?: string;
}

export class ConsoleChannel implements Channel {
  readonly platform = 'CONSOLE' as const;
  /** Who you are. In the console a person's chat id is their NIP. */
  private current: { nip: string; name: string } | undefined;
  /** The buttons of the latest message to each person (by NIP), so "a" can press them. */
  private readonly lastButtons = new Map<string, string[]>();
  private readline: Interface | undefined;
  private queue: Promise<void> = Promise.resolve();
  private names = new Map<string, string>();

  constructor(private readonly options: ConsoleOptions) {}

  async start(handle: (event: InboundEvent) => Promise<EventEffects>): Promise<void> {
    const t = consoleText[this.options.locale];
    if (this.options.initialEmployeeId) await this.become(this.options.initialEmployeeId);
    this.write(t.banner({ who: stripControl(this.current?.name ?? t.nobody) }));
    this.readline = createInterface({ input: this.options.input, terminal: false });
    this.readline.on('line', (line) => {
      this.queue = this.queue.then(() => this.onLine(line, handle)).catch((error: unknown) => this.write(String(error)));
    });
    this.prompt();
  }

  async stop(): Promise<void> {
    this.readline?.close();
    await this.queue;
  }

  /** Resolves when every line typed so far has been handled (for tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  async send(chatId: string, message: Reply): Promise<{ externalMessageId: string }> {
    const t = consoleText[this.options.locale];
    this.lastButtons.set(chatId, message.buttons.flat().map((button) => button.token));
    const image = message.image ? `[${consoleText[this.options.locale].image({ name: message.image.fileName, kb: Math.round((message.image.base64.length * 3) / 4 / 1024) })}]\n` : '';
    const document = message.document ? `[${await this.saveDocument(message.document)}]\n` : '';
    const text = image + document + renderConsole(message, { ansi: this.options.ansi });
    const body = text
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
    const forMe = chatId === this.current?.nip;
    this.write(forMe ? `${t.botSays}\n${body}` : `${t.toSomeoneElse({ name: stripControl(await this.nameOf(chatId)) })}\n${body}`);
    return { externalMessageId: `console-${Date.now()}` };
  }

  /** Saves a document the bot sent (owner-readable: exports hold personal data) and says where. */
  private async saveDocument(document: DocumentAttachment): Promise<string> {
    const t = consoleText[this.options.locale];
    const bytes = Buffer.from(document.base64, 'base64');
    const kb = Math.max(1, Math.round(bytes.length / 1024));
    const dir = this.options.downloadDir;
    if (!dir) return t.document({ name: document.fileName, kb });
    await mkdir(dir, { recursive: true });
    // The name comes from the bot, but a path separator must never lead outside the directory.
    const path = join(dir, basename(document.fileName));
    await writeFile(path, bytes, { mode: 0o600 });
    return t.documentSaved({ name: document.fileName, kb, path });
  }

  private async onLine(raw: string, handle: (event: InboundEvent) => Promise<EventEffects>): Promise<void> {
    const line = raw.trim();
    const t = consoleText[this.options.locale];
    if (line === '') return this.prompt();
    const command = parseCommand(line);
    if (command?.name === 'as') {
      await this.switchTo(command.args);
      return this.prompt();
    }
    if (command?.name === 'orang' || command?.name === 'people') {
      await this.listPeople();
      return this.prompt();
    }
    if (!this.current) {
      this.write(t.chooseFirst);
      return this.prompt();
    }
    const me = this.current;
    const buttons = this.lastButtons.get(me.nip) ?? [];
    const key = line.length === 1 ? BUTTON_KEYS.indexOf(line.toLowerCase()) : -1;
    const token = key >= 0 ? buttons[key] : undefined;
    const message: InboundEvent['message'] = token
      ? { type: 'button', token }
      : command
        ? { type: 'command', ...command }
        : { type: 'text', text: line };
    await handle({
      platform: 'CONSOLE',
      workspace: '',
      updateKey: null,
      sender: { externalUserId: me.nip, username: null, displayName: me.name },
      chat: { id: me.nip, private: true },
      message,
    });
    this.prompt();
  }

  private async switchTo(query: string): Promise<void> {
    const t = consoleText[this.options.locale];
    const compact = query.replace(/\s/g, '');
    const matches = await this.options.prisma.employee.findMany({
      where: { active: true, OR: [{ name: { contains: query.trim(), mode: 'insensitive' } }, { nip: compact }] },
      take: 10,
      orderBy: { name: 'asc' },
    });
    if (query.trim() === '' || matches.length === 0) return this.write(t.nobodyMatches({ query: stripControl(query) }));
    if (matches.length > 1) return this.write(t.severalMatch({ names: matches.map((m) => stripControl(m.name)).join(', ') }));
    await this.become(matches[0]?.id ?? '');
    this.write(t.nowYouAre({ name: stripControl(this.current?.name ?? '') }));
  }

  /** Acts as `employeeId` from now on; a console account is linked on first use (the terminal is trusted). */
  private async become(employeeId: string): Promise<void> {
    const employee = await this.options.prisma.employee.findUniqueOrThrow({ where: { id: employeeId } });
    await this.options.prisma.chatIdentity.upsert({
      where: { platform_workspace_externalUserId: { platform: 'CONSOLE', workspace: '', externalUserId: employee.nip } },
      create: { employeeId: employee.id, platform: 'CONSOLE', externalUserId: employee.nip, dmChannelId: employee.nip },
      update: {},
    });
    this.current = { nip: employee.nip, name: employee.name };
  }

  private async listPeople(): Promise<void> {
    const t = consoleText[this.options.locale];
    const people = await this.options.prisma.employee.findMany({
      where: { active: true },
      include: { supervisor: { select: { name: true } } },
      orderBy: [{ unitId: 'asc' }, { name: 'asc' }],
      take: 50,
    });
    this.write([t.peopleHeading, ...people.map((p) => stripControl(`  ${p.name} – ${p.position}${p.supervisor ? ` (${t.reportsTo} ${p.supervisor.name})` : ''}`))].join('\n'));
  }

  private async nameOf(nip: string): Promise<string> {
    let name = this.names.get(nip);
    if (!name) {
      name = (await this.options.prisma.employee.findUnique({ where: { nip }, select: { name: true } }))?.name ?? nip;
      this.names.set(nip, name);
    }
    return name;
  }

  private prompt(): void {
    this.options.output.write(`${this.current ? stripControl(this.current.name) : '?'} > `);
  }

  private write(text: string): void {
    this.options.output.write(`\n${text}\n`);
  }
}
