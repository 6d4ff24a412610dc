/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went, optionally only within
 * windows of the run (in the profile's own clock: CLOCK_MONOTONIC microseconds, the clock of
 * process.hrtime in any process on the machine, so a driver can name its measuring windows):
 *
 * - self time by area: each package under node_modules, each directory of src/, Node's internals,
 *   V8 builtins, garbage collection, idle;
 * - the same with the time of V8 builtins and Node internals given to the area that called them
 *   (a socket write is pg's or ioredis's work);
 * - inclusive time by area (a sample counts once for every area on its stack), e.g. how much of the
 *   bot's time is spent inside @prisma/client, whatever it calls;
 * - the functions with the most self time, and the project's functions with the most inclusive time.
 *
 * Also a command: `tsx scripts/lib/cpu-profile-summary.ts FILE.cpuprofile [fromUs toUs]`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { table } from './inbound-report.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The parts of a .cpuprofile this reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A stretch of the run, in the profile's clock (µs). */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

/** The area a frame belongs to. */
export function areaOf(frame: CallFrame): string {
  if (frame.functionName.startsWith('(') && frame.url === '') return frame.functionName;
  if (frame.url === '' && (frame.functionName === 'parse' || frame.functionName === 'stringify')) return '(JSON parse, stringify)';
  if (frame.url === '') return '(V8 builtins, native)';
  if (frame.url.startsWith('node:')) return 'node: internals';
  const modules = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(frame.url);
  if (modules) return modules[1]!;
  const source = /\/src\/([^/]+)\//.exec(frame.url) ?? /\/(src|scripts)\/[^/]+$/.exec(frame.url);
  if (source) return `src/${source[1]}`;
  return 'other';
}

function frameName(frame: CallFrame): string {
  const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(src|scripts)\//, '$1/');
  // tsx hands V8 the project's files as one line each: there the line says nothing.
  const line = frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${file}${line}`.trim();
}

/** Areas whose time belongs to whoever called them (a socket write is pg's or ioredis's work). */
const LOW_LEVEL = new Set(['(V8 builtins, native)', 'node: internals', '(JSON parse, stringify)', '(program)']);

const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);

/** The summary as printable text. */
export function summariseProfile(profile: CpuProfile, windows: ProfileWindow[] = [], top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfByArea = new Map<string, number>();
  const inclusiveByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const attributed = new Map<string, number>();
  const inclusiveBySource = new Map<string, number>();
  // Windows from another clock than the profile's would select nothing: then the whole profile counts, and the summary says so.
  const inProfile = windows.filter((w) => w.toUs > profile.startTime && w.fromUs < profile.endTime);
  const note = windows.length > 0 && inProfile.length === 0 ? ' (the windows lie outside the profile: whole profile shown)' : '';
  windows = inProfile;
  let total = 0;
  let at = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    at += profile.timeDeltas[i] ?? 0;
    if (windows.length > 0 && !windows.some((w) => at >= w.fromUs && at <= w.toUs)) continue;
    // The sample stands for the time until the next one.
    const weight = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id);
    if (!node) continue;
    total += weight;
    add(selfByArea, areaOf(node.callFrame), weight);
    add(selfByFunction, frameName(node.callFrame), weight);
    const areas = new Set<string>();
    const sources = new Set<string>();
    let caller: string | undefined;
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = byId.get(current)!.callFrame;
      if (frame.functionName === '(root)') break;
      const area = areaOf(frame);
      areas.add(area);
      if (area.startsWith('src/')) sources.add(frameName(frame));
      if (!caller && !LOW_LEVEL.has(area)) caller = area;
    }
    add(attributed, caller ?? areaOf(node.callFrame), weight);
    for (const area of areas) add(inclusiveByArea, area, weight);
    for (const source of sources) add(inclusiveBySource, source, weight);
  }
  if (total === 0) return 'no samples in the window';
  const share = (value: number) => `${((100 * value) / total).toFixed(1)} %`;
  const sorted = (map: Map<string, number>, n: number) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  const busy = total - (selfByArea.get('(idle)') ?? 0);
  const areaRows = sorted(selfByArea, 30).map(([area, self]) => [area, share(self), share(attributed.get(area) ?? 0), share(inclusiveByArea.get(area) ?? 0)]);
  for (const [area, value] of attributed) if (!selfByArea.has(area)) areaRows.push([area, '–', share(value), share(inclusiveByArea.get(area) ?? 0)]);
  return [
    `profile: ${(total / 1e6).toFixed(1)} s sampled${note}, of which busy (not idle) ${share(busy)}`,
    '',
    'self: in the area\'s own code; with callees: plus the builtins and Node internals it called (a socket write counts for pg or',
    'ioredis); inclusive: samples with the area anywhere on the stack (async work often shows without its caller).',
    table(['area', 'self', 'with callees', 'inclusive'], areaRows),
    '',
    table(['function (self time)', 'self'], sorted(selfByFunction, top).map(([name, self]) => [name, share(self)])),
    '',
    table(['project function (inclusive time)', 'inclusive'], sorted(inclusiveBySource, top).map(([name, value]) => [name, share(value)])),
  ].join('\n');
}

// Run as a command.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, from, to] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx scripts/lib/cpu-profile-summary.ts FILE.cpuprofile [fromUs toUs]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(summariseProfile(profile, from && to ? [{ fromUs: Number(from), toUs: Number(to) }] : []));
}
