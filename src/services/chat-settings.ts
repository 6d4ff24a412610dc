/**
 * How the bot talks to people, owned here so the bot's commands only converse: a person's
 * language (/bahasa), and the chats where HR's weekly digest goes (/daftarlaporan). Small writes,
 * each registered in the decision's unit of work with its audit entry.
 */
import type { Platform } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/catalogue.js';
import type { Reader } from './db.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** A chat the digest can go to. */
export interface DigestChat {
  platform: Platform;
  workspace: string;
  chatId: string;
  /** Shown to HR in lists: the group's title, or the person's name for a private chat. */
  title: string | null;
}

export type DigestChatRefusal = 'NOT_HR' | 'NOT_REGISTERED';

export class ChatSettingsService {
  constructor(private readonly deps: { db: Reader; work: UnitOfWork }) {}

  /** The language the bot speaks to `employeeId` from now on. */
  setLanguage(employeeId: string, locale: Locale): void {
    this.deps.work.change(`employee.locale ${employeeId}`, (tx) => tx.employee.update({ where: { id: employeeId }, data: { locale } }));
  }

  /** Sends the weekly digest of the actor's HR scope to `chat` (again: updates its scope and title). */
  async registerDigestChat(actor: { id: string; agencyId: string }, chat: DigestChat): Promise<Result<null, 'NOT_HR'>> {
    const { db, work } = this.deps;
    const role = await this.hrRole(actor);
    if (!role) return refused('NOT_HR');
    const key = { platform: chat.platform, workspace: chat.workspace, chatId: chat.chatId };
    const existing = await db.reportDestination.findUnique({ where: { platform_workspace_chatId: key }, select: { id: true } });
    const id = existing?.id ?? work.newId();
    work.change(`reportDestination.register ${id}`, (tx) =>
      tx.reportDestination.upsert({
        where: { platform_workspace_chatId: key },
        create: { id, ...key, agencyId: role.agencyId, unitId: role.unitId, title: chat.title },
        update: { agencyId: role.agencyId, unitId: role.unitId, title: chat.title },
      }),
    );
    work.audit({ agencyId: role.agencyId, actorId: actor.id, action: 'reportDestination.registered', entityType: 'ReportDestination', entityId: id });
    return ok(null);
  }

  /** Stops the weekly digest to `chat`. */
  async removeDigestChat(actor: { id: string; agencyId: string }, chat: Omit<DigestChat, 'title'>): Promise<Result<null, DigestChatRefusal>> {
    const { db, work } = this.deps;
    const role = await this.hrRole(actor);
    if (!role) return refused('NOT_HR');
    const key = { platform: chat.platform, workspace: chat.workspace, chatId: chat.chatId };
    const existing = await db.reportDestination.findUnique({ where: { platform_workspace_chatId: key }, select: { id: true } });
    if (!existing) return refused('NOT_REGISTERED');
    work.change(`reportDestination.remove ${existing.id}`, (tx) => tx.reportDestination.deleteMany({ where: key }));
    work.audit({ agencyId: role.agencyId, actorId: actor.id, action: 'reportDestination.removed', entityType: 'ReportDestination', details: key });
    return ok(null);
  }

  private hrRole(actor: { id: string; agencyId: string }) {
    return this.deps.db.hrRole.findFirst({ where: { employeeId: actor.id, agencyId: actor.agencyId } });
  }
}
