/** The audit log: who did what, written in the same transaction as the change itself. */
import { json, type Db } from './db.js';

export interface AuditEntry {
  agencyId?: string | null;
  actorId?: string | null;
  actorLabel?: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

/** The row an entry is stored as. */
export function auditRow(entry: AuditEntry) {
  return {
    agencyId: entry.agencyId ?? null,
    actorId: entry.actorId ?? null,
    actorLabel: entry.actorLabel ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: json(entry.details ?? {}),
  };
}

/** Writes an entry at once, in transaction `db` (commands and jobs that hold one). */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: auditRow(entry) });
}
