/**
 * The people of the inbound benchmark, as Telegram would carry them to the bot's webhook: each
 * person has at most one update outstanding (a closed loop: they wait for the reply, then a short
 * settle, before their next), and a global pacer offers updates at a fixed rate to whoever is idle
 * – an offer finding nobody idle is counted as missed, which is how saturation shows.
 *
 * Accounting is exact because of the closed loop: every message the fake Bot API reports for a
 * person's chat belongs to that person's latest update (from its POST to their next POST), so an
 * update answered twice shows up as two messages there even when the second comes late. Messages
 * to a chat with no update yet are "unsolicited".
 *
 * Posting: HTTP keep-alive connections capped at `connections` (Telegram's own cap is the
 * webhook's max_connections, default 40); an update waiting for a free connection waits in the
 * agent, and that wait counts in its reply latency (measured from the offer) but not in the
 * webhook's answer time (measured from the socket to the end of the response).
 */
import { Agent, request } from 'node:http';
import type { SeededPerson } from './inbound-seed.js';
import { CANCEL, nextEpisode, type LastReply, type Outgoing, type Step, type UpdateKind } from './inbound-mix.js';
import type { FakeReport, SentReport } from './fast-fake-telegram.js';
import { callbackUpdate, textUpdate, type TelegramUser } from './telegram-updates.js';

/** Wall-clock ms with sub-ms resolution, comparable with the fake's report times (another process). */
export const clock = () => performance.timeOrigin + performance.now();

/** One update the driver posted, and what came of it. */
export interface UpdateRecord {
  phase: string;
  person: number;
  kind: UpdateKind;
  label: string;
  offeredAt: number;
  /** A connection was free and the POST went out. */
  socketAt?: number;
  /** The webhook's response ended. */
  respondedAt?: number;
  status?: number;
  error?: string;
  /** Arrival at the fake of every message to the person's chat in this update's window (first 60 characters). */
  replies: { at: number; text: string }[];
}

interface Person {
  index: number;
  user: TelegramUser;
  seeded: SeededPerson;
  steps: Step[];
  last?: LastReply;
  current?: UpdateRecord;
  state: 'new' | 'waiting' | 'settling' | 'idle';
}

/** What a paced phase offered. */
export interface PacedPhase {
  phase: string;
  rate: number;
  /** Clock ms of the first offer and of the end of the window. */
  startedAt: number;
  endedAt: number;
  offered: number;
  missed: number;
}

export class InboundDriver {
  readonly records: UpdateRecord[] = [];
  readonly unsolicited: SentReport[] = [];
  /** Episodes abandoned because a reply did not offer the button the next step needed. */
  abandoned = 0;
  /** POSTs sent again after a keep-alive connection was closed under them (Node's documented race). */
  resent = 0;
  private readonly people: Person[];
  private readonly byChat = new Map<number, Person>();
  private readonly idle: Person[] = [];
  private readonly agent: Agent;
  private busy = 0;
  private lastAlone: Person | undefined;
  private wake: (() => void) | undefined;
  private webhookReady: ((report: Extract<FakeReport, { type: 'webhook' }>) => void) | undefined;
  readonly webhook: Promise<Extract<FakeReport, { type: 'webhook' }>>;

  constructor(
    seeded: SeededPerson[],
    private readonly options: { url: string; secretToken: string; connections: number; settleMs: number; random: () => number; firstUserId: number },
  ) {
    this.people = seeded.map((person, index) => {
      const user = { id: options.firstUserId + index, firstName: person.name.split(' ')[0] ?? 'Pegawai' };
      return { index, user, seeded: person, steps: [], state: 'new' };
    });
    for (const person of this.people) this.byChat.set(person.user.id, person);
    this.agent = new Agent({ keepAlive: true, maxSockets: options.connections > 0 ? options.connections : Infinity });
    this.webhook = new Promise((resolve) => (this.webhookReady = resolve));
  }

  /** Wired to the fake Bot API: every accepted message and setWebhook. */
  onReport(report: FakeReport): void {
    if (report.type === 'webhook') return this.webhookReady?.(report);
    const person = this.byChat.get(report.chatId);
    const record = person?.current;
    if (!person || !record) {
      this.unsolicited.push(report);
      return;
    }
    record.replies.push({ at: report.at, text: report.text.slice(0, 60) });
    if (person.state !== 'waiting') return;
    person.state = 'settling';
    person.last = { messageId: report.messageId, text: report.text, buttons: report.buttons };
    setTimeout(() => {
      person.state = 'idle';
      this.idle.push(person);
      this.busy--;
      this.wake?.();
    }, this.options.settleMs);
  }

  /** Everyone sends `/hubungkan CODE`, at most `concurrency` at a time; resolves when all were answered (or `timeoutMs` passed). */
  async link(concurrency: number, timeoutMs: number): Promise<void> {
    const waiting = [...this.people];
    const deadline = Date.now() + timeoutMs;
    while (waiting.length > 0 && Date.now() < deadline) {
      while (this.busy < concurrency && waiting.length > 0) {
        const person = waiting.shift()!;
        this.post(person, { kind: 'command', label: '/hubungkan', text: `/hubungkan ${person.seeded.code}` }, 'link');
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 1000);
      });
    }
    await this.drain(Math.max(0, deadline - Date.now()));
  }

  /** Offers `rate` updates per second for `seconds` to idle people; missed offers are not made up later. */
  paced(phase: string, rate: number, seconds: number): Promise<PacedPhase> {
    const total = Math.round(rate * seconds);
    const interval = 1000 / rate;
    const startedAt = clock();
    let offered = 0;
    let missed = 0;
    return new Promise((resolve) => {
      const tick = () => {
        const now = clock();
        while (offered + missed < total && startedAt + (offered + missed) * interval <= now) {
          const person = this.idle.shift();
          if (person) {
            this.sendNext(person, phase);
            offered++;
          } else missed++;
        }
        if (offered + missed >= total) return resolve({ phase, rate, startedAt, endedAt: startedAt + seconds * 1000, offered, missed });
        setTimeout(tick, Math.max(0, startedAt + (offered + missed) * interval - clock()));
      };
      tick();
    });
  }

  /**
   * Sends the next update of the longest-idle person and waits until they are idle again (the reply
   * and the settle after it) or `timeoutMs` passed: one update alone, for the census.
   */
  async one(phase: string, timeoutMs: number): Promise<UpdateRecord | undefined> {
    // One person goes through a whole episode before the next starts, so every kind of update is seen.
    const going = this.lastAlone && this.lastAlone.steps.length > 0 ? this.idle.indexOf(this.lastAlone) : -1;
    const person = going >= 0 ? this.idle.splice(going, 1)[0] : this.idle.shift();
    if (!person) return undefined;
    this.lastAlone = person;
    this.sendNext(person, phase);
    const record = person.current;
    const deadline = Date.now() + timeoutMs;
    while (person.state !== 'idle' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    return record;
  }

  /** Waits until nobody waits for a reply (true), or `timeoutMs` passed (false). */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.busy > 0) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }

  /** People still waiting for a reply. */
  get outstanding(): number {
    return this.people.filter((person) => person.state === 'waiting').length;
  }

  close(): void {
    this.agent.destroy();
  }

  private sendNext(person: Person, phase: string): void {
    for (;;) {
      if (person.steps.length === 0) person.steps = nextEpisode(person.seeded, this.options.random);
      const step = person.steps.shift()!;
      const outgoing = step(person.last);
      if (outgoing) return this.post(person, outgoing, phase);
      this.abandoned++;
      person.steps = [CANCEL];
    }
  }

  private post(person: Person, outgoing: Outgoing, phase: string): void {
    const update = 'text' in outgoing ? textUpdate(person.user, outgoing.text) : callbackUpdate(person.user, outgoing.messageId, outgoing.data);
    const record: UpdateRecord = { phase, person: person.index, kind: outgoing.kind, label: outgoing.label, offeredAt: clock(), replies: [] };
    this.records.push(record);
    person.current = record;
    person.state = 'waiting';
    this.busy++;
    this.send(record, JSON.stringify(update), false);
  }

  private send(record: UpdateRecord, body: string, again: boolean): void {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': this.options.secretToken };
    const req = request(this.options.url, { method: 'POST', agent: this.agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        record.respondedAt = clock();
        record.status = res.statusCode;
      });
    });
    req.on('socket', () => (record.socketAt = clock()));
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A keep-alive connection the server closed just as it was reused: the update never arrived (Node's docs advise a retry).
      if (!again && req.reusedSocket && error.code === 'ECONNRESET') {
        this.resent++;
        return this.send(record, body, true);
      }
      record.error = error.message;
    });
    req.end(body);
  }
}
