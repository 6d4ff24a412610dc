/**
 * Commands named in the bot's texts. A catalogue writes cmd('batal') where it means the command
 * "/batal": a marker – U+E000, the name, U+E001, private-use characters no keyboard types and every
 * inbound text is stripped of (stripCommandMarks) – that the reply model turns into a command span,
 * so each channel names the command its own way (Telegram and the console "/batal", Slack
 * "/kinerja batal") while a person's text that happens to contain "/batal" stays as typed.
 * A text that leaves the bot some other way (a terminal, a platform's command menu) is passed
 * through commandsAsSlash first.
 */

/** The commands texts may name: the `name` of every entry of COMMANDS (src/bot/commands.ts). */
export const COMMAND_NAMES = [
  'skp',
  'realisasi',
  'checkin',
  'kendala',
  'cuti',
  'mintaumpanbalik',
  'hasil',
  'saya',
  'bahasa',
  'bantuan',
  'menu',
  'batal',
  'kembali',
  'hubungkan',
  'ekspektasi',
  'umpanbalik',
  'tim',
  'bimbingan',
  'evaluasikompetensi',
  'evaluasi',
  'tindaklanjut',
  'keberatan',
  'predikatunit',
  'tetapkanpredikat',
  'laporan',
  'daftarlaporan',
  'jadwal',
  'periode',
  'ekspor',
  'susunskp',
  'tetapkanskp',
  'catatevaluasi',
  'catatpak',
  'plt',
] as const;

/** A command's name as texts write it (without the slash). */
export type CommandName = (typeof COMMAND_NAMES)[number];

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKED = /\uE000([a-z]+)\uE001/g;
const MARK_CHARS = /[\uE000\uE001]/g;

/** The command `name` as a text names it (a marker, see the module comment). */
export function cmd(name: CommandName): string {
  return `${OPEN}${name}${CLOSE}`;
}

/** A text cut where it names commands: strings, and the names in between. */
export function splitCommands(text: string): (string | { command: string })[] {
  const parts: (string | { command: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKED)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ command: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The text with every command named as `as(name)` (default: "/name"). */
export function commandsAs(text: string, as: (name: string) => string): string {
  return text.replace(MARKED, (_whole, name: string) => as(name));
}

/** The text with every command named "/name": for terminals, logs and command menus. */
export function commandsAsSlash(text: string): string {
  return commandsAs(text, (name) => `/${name}`);
}

/** Removes the marker characters from text that came from outside (what people type), so nobody can name a command the way the bot does. */
export function stripCommandMarks(text: string): string {
  return text.replace(MARK_CHARS, '');
}
