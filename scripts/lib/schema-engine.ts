/**
 * Prisma's own schema engine, run as WebAssembly through a driver adapter.
 *
 * Prisma's CLI wants a native schema engine that cannot be downloaded on every machine;
 * the same engine ships as WASM (@prisma/schema-engine-wasm) and talks to the database
 * through a driver adapter instead. We use it for two things only: drafting migration SQL
 * (scripts/db-diff.ts) and the drift test that compares schema.prisma with a migrated database.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

/** Path of prisma/schema.prisma, from the repository root. */
export const SCHEMA_PATH = new URL('../../prisma/schema.prisma', import.meta.url);

// TypeScript's ES libraries do not describe WebAssembly; this is the little we use.
type WasmExports = Record<string, unknown> & { __wbindgen_start?: () => void };
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmExports } }>;
};
type Bindings = typeof bindings & { __wbg_set_wasm(exports: WasmExports): void };

let initialised: Promise<void> | undefined;

function initialise(): Promise<void> {
  initialised ??= (async () => {
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      './schema_engine_bg.js': bindings,
    });
    const exports = instance.exports;
    (bindings as Bindings).__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
  })();
  return initialised;
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** SQL that turns the database behind `adapter` into what schema.prisma describes; '' when they agree. */
export async function diffDatabaseToSchema(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schema = readFileSync(SCHEMA_PATH, 'utf8'),
): Promise<string> {
  await initialise();
  const files = [{ path: 'schema.prisma', content: schema }];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  try {
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: '.' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return normaliseEmptyDiff(result.stdout ?? '');
  } finally {
    engine.free();
  }
}

/** The engine prints a comment for an empty migration; treat that as no difference. */
function normaliseEmptyDiff(sql: string): string {
  const meaningful = sql
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('--'))
    .join('\n');
  return meaningful === '' ? '' : sql.trim() + '\n';
}
