/**
 * The real bot as `npm start` runs it (node --import tsx src/main.ts), in a child process
 * configured by environment only, for the inbound benchmark. Its output goes to a log file (read
 * back for warnings and errors), and its resident memory and CPU time are sampled from /proc, so
 * watching costs the bot nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Linux reports CPU time in clock ticks of 1/100 s on every platform Node supports here. */
const TICKS_PER_SECOND = 100;

/** One reading of the bot's /proc entries. */
export interface ProcessSample {
  /** Epoch ms. */
  at: number;
  /** Resident memory, bytes. */
  rss: number;
  /** User + system CPU time since start, ms. */
  cpuMs: number;
}

export interface BotProcess {
  child: ChildProcess;
  pid: number;
  samples: ProcessSample[];
  /** Reads /proc now (also done every `sampleMs`). */
  sample(): ProcessSample | undefined;
  /** SIGTERM, then waits for a graceful exit (SIGKILL after 20 s); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Warnings and errors the bot logged (pino JSON lines), with a few distinct messages of each. */
  logSummary(): { warnings: number; errors: number; examples: string[] };
}

/** A port nobody listens on right now (the bot's HTTP_PORT; with 0 it would only say which in an info log). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function readProc(pid: number): ProcessSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { at: Date.now(), rss: rssKb * 1024, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined; // gone
  }
}

/** Starts the bot with exactly `env` (plus PATH and HOME); `profileDir` adds --cpu-prof, written when it exits. */
export function startBotProcess(env: Record<string, string>, options: { logFile: string; profileDir?: string; sampleMs?: number }): BotProcess {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const log = openSync(options.logFile, 'w');
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error('could not start the bot process');
  const pid = child.pid;
  const samples: ProcessSample[] = [];
  const sample = () => {
    const reading = readProc(pid);
    if (reading) samples.push(reading);
    return reading;
  };
  const timer = setInterval(sample, options.sampleMs ?? 200);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Never leave the bot running behind a driver that died (an uncaught error, a closed output pipe).
  const orphaned = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  process.once('exit', orphaned);
  void exited.then(() => process.off('exit', orphaned));
  void exited.then(() => clearInterval(timer));
  return {
    child,
    pid,
    samples,
    sample,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
    logSummary() {
      let warnings = 0;
      let errors = 0;
      const examples = new Set<string>();
      for (const line of readFileSync(options.logFile, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        let entry: { level?: number; msg?: string; err?: { message?: string } };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          // Not pino: a warning of Node's own ("(node:123) DeprecationWarning: …" and its hint line), or a crash trace.
          if (/^\((node:\d+|Use `node)/.test(line)) warnings++;
          else errors++;
          if (examples.size < 6) examples.add(line.slice(0, 160));
          continue;
        }
        if ((entry.level ?? 0) >= 50) errors++;
        else if ((entry.level ?? 0) >= 40) warnings++;
        if ((entry.level ?? 0) >= 40 && examples.size < 6) examples.add(`${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`.slice(0, 200));
      }
      return { warnings, errors, examples: [...examples] };
    },
  };
}
