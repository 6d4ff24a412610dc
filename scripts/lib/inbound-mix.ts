/**
 * What the people of the inbound benchmark do: short episodes of updates, each update answered by
 * exactly one message to the sender's own chat, and every episode ending outside a conversation
 * (so one-shot commands never get a "you are still in …" reminder as a second message, and nobody
 * else is ever messaged – a completed /kendala would message the supervisor, so it is cancelled):
 *
 * - one-shot commands: /saya, /skp, /bantuan, /menu, and /tim for supervisors;
 * - plain text outside a conversation (the bot says it did not understand);
 * - /menu, then its "Laporkan kendala" button (starts the obstacle conversation), then /batal;
 * - /kendala, the first RHK button, the obstacle typed, then /batal;
 * - /realisasi, the first RHK button, the progress typed, then evidence as a link or "Lewati"
 *   (completes: a progress entry is saved).
 *
 * Buttons are pressed with the callback_data of the bot's last message to that person. When a
 * reply does not offer the button a step needs, the episode is abandoned with /batal (counted).
 */
import { botText } from '../../src/i18n/bot.js';
import { conversationText } from '../../src/i18n/conversation.js';

/** command: a /command; button: a callback query; answer: text typed inside a conversation; text: text outside one. */
export type UpdateKind = 'command' | 'button' | 'answer' | 'text';

/** What a person sends next; `label` groups latencies in the report (/saya, button:answer, …). */
export type Outgoing = { kind: UpdateKind; label: string } & ({ text: string } | { messageId: number; data: string });

/** A button of the bot's message, as Telegram shows it. */
export interface ShownButton {
  text: string;
  data: string;
}

/** The bot's last message to a person. */
export interface LastReply {
  messageId: number;
  text: string;
  buttons: ShownButton[];
}

/** One step of an episode: the update to send, or undefined when `last` does not offer what it needs. */
export type Step = (last: LastReply | undefined) => Outgoing | undefined;

const command = (text: string): Step => () => ({ kind: 'command', label: text.split(' ')[0] ?? text, text });
const type = (kind: 'answer' | 'text', label: string, text: string): Step => () => ({ kind, label, text });
const press =
  (label: string, pick: (buttons: ShownButton[]) => ShownButton | undefined): Step =>
  (last) => {
    const button = last ? pick(last.buttons) : undefined;
    return last && button ? { kind: 'button', label, messageId: last.messageId, data: button.data } : undefined;
  };
const first = (buttons: ShownButton[]) => buttons[0];
const labelled = (text: string) => (buttons: ShownButton[]) => buttons.find((button) => button.text === text);

/** /batal: ends an abandoned episode (and answers with one message whether or not a conversation was active). */
export const CANCEL: Step = command('/batal');

interface Episode {
  name: string;
  weight: (person: { supervisor: boolean }) => number;
  steps: Step[];
}

const EPISODES: Episode[] = [
  { name: 'saya', weight: () => 3, steps: [command('/saya')] },
  { name: 'skp', weight: () => 3, steps: [command('/skp')] },
  { name: 'bantuan', weight: () => 2, steps: [command('/bantuan')] },
  { name: 'menu', weight: () => 1, steps: [command('/menu')] },
  { name: 'tim', weight: (p) => (p.supervisor ? 6 : 0), steps: [command('/tim')] },
  { name: 'text', weight: () => 2, steps: [type('text', 'text', 'Selamat siang, Pak. Apakah ada kabar?')] },
  { name: 'menu-button', weight: () => 2, steps: [command('/menu'), press('button:start', labelled(botText.id.menuObstacle)), CANCEL] },
  {
    name: 'kendala',
    weight: () => 3,
    steps: [command('/kendala'), press('button:answer', first), type('answer', 'answer:text', 'Aplikasi e-Kinerja sering gagal menyimpan lampiran.'), CANCEL],
  },
  {
    name: 'realisasi-link',
    weight: () => 2,
    steps: [command('/realisasi'), press('button:answer', first), type('answer', 'answer:text', 'Menyusun draf laporan triwulan III.'), type('answer', 'answer:link', 'https://drive.contoh.go.id/laporan-tw3')],
  },
  {
    name: 'realisasi-skip',
    weight: () => 2,
    steps: [command('/realisasi'), press('button:answer', first), type('answer', 'answer:text', 'Rapat koordinasi dengan bidang lain.'), press('button:skip', labelled(conversationText.id.skip))],
  },
];

/** A small deterministic random generator, so a seed gives the same sequence of episodes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The steps of a random episode for this person, by the episodes' weights. */
export function nextEpisode(person: { supervisor: boolean }, random: () => number): Step[] {
  const weights = EPISODES.map((episode) => episode.weight(person));
  let pick = random() * weights.reduce((a, b) => a + b, 0);
  for (const [i, episode] of EPISODES.entries()) {
    pick -= weights[i] ?? 0;
    if (pick < 0) return [...episode.steps];
  }
  return [...(EPISODES[0]?.steps ?? [])];
}
