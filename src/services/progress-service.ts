/**
 * Progress (realisasi) with evidence (bukti dukung): logged by the employee against one of their
 * own RHK – a plan revised while they typed may have taken the RHK away, and then nothing is saved.
 * A file's reference is kept as sent; the bot's own copy is made afterwards (src/attachments).
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
  insert(row: { id: string; employeeId: string; rhkId: string; text: string; occurredOn: Date; evidence: StoredEvidence | null }): void;
}

/** Evidence as written: the reference, and PENDING when the bot is to download its own copy. */
export type StoredEvidence = FileRef & { id: string; platform: Platform | null; storageStatus: 'PENDING' | null };

/** Platforms the bot can download a file from (src/attachments). */
const DOWNLOADABLE: ReadonlySet<Platform> = new Set(['TELEGRAM', 'SLACK']);

export type ProgressRefusal = { code: 'NOT_YOUR_RHK' };

export class ProgressService {
  constructor(private readonly deps: { progress: ProgressStore; work: UnitOfWork; newId: () => string }) {}

  /** Logs progress on one of `actor`'s RHK, dated today in their time zone. */
  async log(actor: Member, input: { rhkId: string; text: string; evidence: FileRef | null; platform: Platform }): Promise<Result<{ rhkText: string }, ProgressRefusal>> {
    const { progress, work } = this.deps;
    const rhk = await progress.rhk(input.rhkId);
    if (!rhk || rhk.ownerId !== actor.id) return refused({ code: 'NOT_YOUR_RHK' });
    const id = this.deps.newId();
    const evidence = input.evidence ? withStorage(input.evidence, input.platform, this.deps.newId()) : null;
    progress.insert({ id, employeeId: actor.id, rhkId: input.rhkId, text: input.text, occurredOn: new Date(`${formatCivilDate(localDate(work.now, actor.timeZone))}T00:00:00Z`), evidence });
    // The copy is made by a job after the commit: the person's answer does not wait for a download.
    if (evidence?.storageStatus === 'PENDING') work.followUp({ job: 'evidence.download', evidenceId: evidence.id });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'progress.logged', entityType: 'ProgressEntry', entityId: id });
    return ok({ rhkText: rhk.text });
  }
}

/** The evidence row to write: a file on a platform the bot can download from is marked PENDING (nothing a person sent is lost: the file id stays). */
function withStorage(file: FileRef, platform: Platform, id: string): StoredEvidence {
  if (file.kind === 'LINK') return { ...file, id, platform: null, storageStatus: null };
  return { ...file, id, platform, storageStatus: file.externalFileId && DOWNLOADABLE.has(platform) ? 'PENDING' : null };
}
