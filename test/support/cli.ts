/** Running the admin CLI in a test against a test database: exit code and what it printed. */
import { createCliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';
import { parseConfig } from '../../src/config/load.js';

export async function runCliOn(databaseUrl: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const context = createCliContext(parseConfig({ DATABASE_URL: databaseUrl }), { out: (line) => out.push(line), err: (line) => err.push(line), interactive: false });
  const code = await runCli(args, context).finally(() => context.close());
  return { code, out: out.join('\n'), err: err.join('\n') };
}
