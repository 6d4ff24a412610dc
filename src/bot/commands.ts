/**
 * The commands people type, in Indonesian with English aliases. The same table feeds the router,
 * /bantuan and the command menus platforms show.
 */
import type { botText } from '../i18n/bot.js';
import type { CommandName } from '../i18n/command-names.js';

type CommandDescription = Extract<keyof (typeof botText)['id'], `cmd${string}`>;

/** What a command does: start a flow, run a one-shot handler, or steer the active conversation. */
export type CommandTarget =
  /** `aboutReport`: "/ekspektasi Siti" names the report and skips choosing them. */
  | { flow: string; aboutReport?: boolean }
  | { run: 'saya' | 'bahasa' | 'tim' | 'skp' | 'checkin' | 'laporan' | 'daftarlaporan' | 'jadwal' | 'menu' | 'hasil' | 'keberatan' }
  | { engine: 'cancel' | 'back' | 'help' }
  | { link: true };

export interface CommandSpec {
  /** As texts name it (cmd() in src/i18n/command-names.ts, whose list must match this table's names). */
  name: CommandName;
  aliases: string[];
  description: CommandDescription;
  audience: 'everyone' | 'supervisor' | 'hr';
  target: CommandTarget;
}

export const COMMANDS: CommandSpec[] = [
  { name: 'skp', aliases: ['plan'], description: 'cmdSkp', audience: 'everyone', target: { run: 'skp' } },
  { name: 'susunskp', aliases: ['draftskp'], description: 'cmdSusunskp', audience: 'everyone', target: { flow: 'own-skp' } },
  { name: 'realisasi', aliases: ['progress'], description: 'cmdRealisasi', audience: 'everyone', target: { flow: 'progress' } },
  { name: 'checkin', aliases: [], description: 'cmdCheckin', audience: 'everyone', target: { run: 'checkin' } },
  { name: 'kendala', aliases: ['obstacle'], description: 'cmdKendala', audience: 'everyone', target: { flow: 'obstacle' } },
  { name: 'cuti', aliases: ['leave'], description: 'cmdCuti', audience: 'everyone', target: { flow: 'leave', aboutReport: true } },
  { name: 'mintaumpanbalik', aliases: ['askfeedback'], description: 'cmdMintaumpanbalik', audience: 'everyone', target: { flow: 'feedback-request' } },
  { name: 'hasil', aliases: ['result'], description: 'cmdHasil', audience: 'everyone', target: { run: 'hasil' } },
  { name: 'saya', aliases: ['me'], description: 'cmdSaya', audience: 'everyone', target: { run: 'saya' } },
  { name: 'bahasa', aliases: ['language'], description: 'cmdBahasa', audience: 'everyone', target: { run: 'bahasa' } },
  { name: 'bantuan', aliases: ['help'], description: 'cmdBantuan', audience: 'everyone', target: { engine: 'help' } },
  { name: 'menu', aliases: [], description: 'cmdMenu', audience: 'everyone', target: { run: 'menu' } },
  { name: 'batal', aliases: ['cancel'], description: 'cmdBatal', audience: 'everyone', target: { engine: 'cancel' } },
  { name: 'kembali', aliases: ['back'], description: 'cmdKembali', audience: 'everyone', target: { engine: 'back' } },
  { name: 'hubungkan', aliases: ['link', 'start'], description: 'cmdHubungkan', audience: 'everyone', target: { link: true } },
  { name: 'ekspektasi', aliases: ['expectations'], description: 'cmdEkspektasi', audience: 'supervisor', target: { flow: 'expectations', aboutReport: true } },
  { name: 'umpanbalik', aliases: ['feedback'], description: 'cmdUmpanbalik', audience: 'supervisor', target: { flow: 'feedback', aboutReport: true } },
  { name: 'tim', aliases: ['team'], description: 'cmdTim', audience: 'supervisor', target: { run: 'tim' } },
  { name: 'bimbingan', aliases: ['coaching'], description: 'cmdBimbingan', audience: 'supervisor', target: { flow: 'development', aboutReport: true } },
  { name: 'evaluasi', aliases: ['evaluate'], description: 'cmdEvaluasi', audience: 'supervisor', target: { flow: 'evaluation', aboutReport: true } },
  { name: 'evaluasikompetensi', aliases: ['competency'], description: 'cmdEvaluasikompetensi', audience: 'supervisor', target: { flow: 'development-competency', aboutReport: true } },
  { name: 'tindaklanjut', aliases: ['followup'], description: 'cmdTindaklanjut', audience: 'supervisor', target: { flow: 'follow-up', aboutReport: true } },
  { name: 'keberatan', aliases: ['objections'], description: 'cmdKeberatan', audience: 'supervisor', target: { run: 'keberatan' } },
  { name: 'predikatunit', aliases: ['unitrating'], description: 'cmdPredikatunit', audience: 'supervisor', target: { flow: 'unit-predikat' } },
  { name: 'tetapkanpredikat', aliases: ['penetapanpredikat', 'establishratings'], description: 'cmdTetapkanpredikat', audience: 'supervisor', target: { flow: 'penetapan' } },
  { name: 'laporan', aliases: ['report'], description: 'cmdLaporan', audience: 'hr', target: { run: 'laporan' } },
  { name: 'daftarlaporan', aliases: ['registerreport'], description: 'cmdDaftarlaporan', audience: 'hr', target: { run: 'daftarlaporan' } },
  { name: 'jadwal', aliases: ['schedule'], description: 'cmdJadwal', audience: 'hr', target: { run: 'jadwal' } },
  { name: 'periode', aliases: ['periods'], description: 'cmdPeriode', audience: 'hr', target: { flow: 'period-settings' } },
  { name: 'tetapkanskp', aliases: ['recordskp'], description: 'cmdTetapkanskp', audience: 'hr', target: { flow: 'skp-record', aboutReport: true } },
  { name: 'catatevaluasi', aliases: ['recordevaluation'], description: 'cmdCatatevaluasi', audience: 'hr', target: { flow: 'evaluation-record', aboutReport: true } },
  { name: 'catatpak', aliases: ['recordpak'], description: 'cmdCatatpak', audience: 'hr', target: { flow: 'credit-points', aboutReport: true } },
  { name: 'ekspor', aliases: ['export'], description: 'cmdEkspor', audience: 'hr', target: { flow: 'export' } },
  { name: 'plt', aliases: ['acting'], description: 'cmdPlt', audience: 'hr', target: { flow: 'acting' } },
];

/** Commands that work in group chats (everything else there is ignored). */
export const GROUP_COMMANDS = new Set(['laporan', 'report', 'daftarlaporan', 'registerreport']);

/** The command typed as `name` (Indonesian or alias). */
export function findCommand(name: string): CommandSpec | undefined {
  const lower = name.toLowerCase();
  return COMMANDS.find((command) => command.name === lower || command.aliases.includes(lower));
}
