/**
 * Progress (realisasi) with evidence (bukti dukung): logged by the employee against one of their
 * own RHK – a plan revised while they typed may have taken the RHK away, and then nothing is saved.
 * The evidence is a reference: the file stays on the platform.
 */
import type { FileRef } from '../conversation/flow.js';
import { formatCivilDate } from '../domain/civil-date.js';
import { localDate } from '../domain/time-zones.js';
import type { Platform } from '../generated/prisma/enums.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

export interface ProgressStore {
  /** The RHK's text and whose plan it belongs to. */
  rhk(id: string): Promise<{ text: string; ownerId: string } | null>;
  insert(row: { id: string; employeeId: string; rhkId: string; text: string; occurredOn: Date; evidence: (FileRef & { platform: Platform | null }) | null }): void;
}

export type ProgressRefusal = { code: 'NOT_YOUR_RHK' };

export class ProgressService {
  constructor(private readonly deps: { progress: ProgressStore; work: UnitOfWork; newId: () => string }) {}

  /** Logs progress on one of `actor`'s RHK, dated today in their time zone. */
  async log(actor: Member, input: { rhkId: string; text: string; evidence: FileRef | null; platform: Platform }): Promise<Result<{ rhkText: string }, ProgressRefusal>> {
    const { progress, work } = this.deps;
    const rhk = await progress.rhk(input.rhkId);
    if (!rhk || rhk.ownerId !== actor.id) return refused({ code: 'NOT_YOUR_RHK' });
    const id = this.deps.newId();
    const evidence = input.evidence ? { ...input.evidence, platform: input.evidence.kind === 'LINK' ? null : input.platform } : null;
    progress.insert({ id, employeeId: actor.id, rhkId: input.rhkId, text: input.text, occurredOn: new Date(`${formatCivilDate(localDate(work.now, actor.timeZone))}T00:00:00Z`), evidence });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'progress.logged', entityType: 'ProgressEntry', entityId: id });
    return ok({ rhkText: rhk.text });
  }
}
