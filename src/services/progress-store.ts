/** Progress entries in PostgreSQL. */
import type { Reader } from './db.js';
import type { ProgressStore } from './progress-service.js';
import type { UnitOfWork } from './work.js';

export function progressStore(db: Reader, work: UnitOfWork): ProgressStore {
  return {
    async rhk(id) {
      const rhk = await db.resultExpectation.findUnique({ where: { id }, select: { text: true, plan: { select: { employeeId: true } } } });
      return rhk ? { text: rhk.text, ownerId: rhk.plan.employeeId } : null;
    },
    insert({ evidence, ...row }) {
      work.change(`progressEntry.insert ${row.id}`, (tx) =>
        tx.progressEntry.create({
          data: {
            ...row,
            ...(evidence
              ? {
                  evidence: {
                    create: {
                      id: evidence.id,
                      kind: evidence.kind,
                      url: evidence.url ?? null,
                      platform: evidence.platform,
                      externalFileId: evidence.externalFileId ?? null,
                      fileName: evidence.fileName ?? null,
                      mimeType: evidence.mimeType ?? null,
                      sizeBytes: evidence.sizeBytes ?? null,
                      storageStatus: evidence.storageStatus,
                    },
                  },
                }
              : {}),
          },
        }),
      );
    },
  };
}
