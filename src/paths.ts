/**
 * Paths of files that ship with the project, resolved from this module so they work
 * the same from src/ (tsx) and dist/ (compiled).
 */
import { fileURLToPath } from 'node:url';

/** The project root: the folder holding package.json and prisma/. */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Prisma's migrations folder. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));
