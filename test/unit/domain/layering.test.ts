import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOMAIN_DIR = fileURLToPath(new URL('../../../src/domain/', import.meta.url));

// The domain holds the rules only: no database, queue, platform SDK or I/O.
const FORBIDDEN = ['@prisma', '../generated', 'bullmq', 'ioredis', 'telegraf', '@slack/', 'node:fs', 'node:net', 'node:http', 'pg', '@electric-sql'];

/** Every module specifier imported or re-exported by a source text, static or dynamic. */
function importedSpecifiers(source: string): string[] {
  const pattern = /(?:\bimport\s*(?:type\s+)?(?:[\w*{}\s,$]+\sfrom\s*)?|\bexport\s*(?:type\s+)?[\w*{}\s,$]*\sfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? '');
}

/** True when the specifier is the forbidden package or a path inside it (so 'pg' does not match 'pgp'). */
function isForbidden(specifier: string, forbidden: string): boolean {
  // Scopes ('@slack/') and relative paths ('../generated') forbid everything below them.
  if (forbidden.endsWith('/') || forbidden.startsWith('.')) return specifier.startsWith(forbidden);
  return specifier === forbidden || specifier.startsWith(`${forbidden}/`);
}

function domainFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? domainFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('domain layering', () => {
  it('finds the domain modules', () => {
    expect(domainFiles(DOMAIN_DIR).length).toBeGreaterThanOrEqual(6);
  });

  it.each(domainFiles(DOMAIN_DIR).map((f) => [f.slice(DOMAIN_DIR.length), f]))('%s imports no database, queue, platform SDK or I/O module', (_name, file) => {
    const bad = importedSpecifiers(readFileSync(file, 'utf8')).filter((s) => FORBIDDEN.some((f) => isForbidden(s, f)));
    expect(bad).toEqual([]);
  });

  it('recognises the import forms it must catch', () => {
    const source = [
      "import { PrismaClient } from '@prisma/client';",
      "import type { Employee } from '../generated/prisma/client.js';",
      "import * as fs from 'node:fs';",
      "export { Queue } from 'bullmq';",
      "const http = await import('node:http');",
      "import 'pg';",
      "import {\n  App,\n} from '@slack/bolt';",
      "import { Pool } from 'pg/lib/index.js';",
      "import { domainMessages } from '../i18n/domain.js';",
      "import pgp from 'pgp';",
    ].join('\n');
    const bad = importedSpecifiers(source).filter((s) => FORBIDDEN.some((f) => isForbidden(s, f)));
    expect(bad).toEqual(['@prisma/client', '../generated/prisma/client.js', 'node:fs', 'bullmq', 'node:http', 'pg', '@slack/bolt', 'pg/lib/index.js']);
  });
});
