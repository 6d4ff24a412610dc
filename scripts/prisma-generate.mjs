// Generates the Prisma client into src/generated/prisma (run by `postinstall`).
//
// Prisma's CLI looks for a native schema engine even though `generate` never calls it, and
// that engine cannot be downloaded on every machine. Pointing PRISMA_SCHEMA_ENGINE_BINARY at
// any executable satisfies the check; the client itself runs through driver adapters.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve('prisma/build/index.js');
} catch {
  if (existsSync(new URL('../src/generated/prisma/client.ts', import.meta.url))) {
    console.log('prisma CLI not installed (production install); keeping the generated client.');
    process.exit(0);
  }
  console.error('prisma CLI not installed and no generated client found: run `npm install` with dev dependencies.');
  process.exit(1);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
