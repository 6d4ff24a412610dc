/**
 * `official set | delegate | remove | list`: who rates the people the chain inside the bot cannot –
 * the PPK and Atasan PPK outside the bot (a Gubernur, Bupati, Menteri; possibly the same person for
 * both) and the delegations of the PPK's authority (PermenPANRB 6/2022 Pasal 1 angka 9). The rule
 * that reads them is src/domain/ppk.ts.
 */
import { normalizeNip } from '../../domain/nip.js';
import { CliUsageError } from '../../errors.js';
import { officialText } from '../../i18n/officials.js';
import { decideAndCommit } from '../../services/commit.js';
import type { CliContext } from '../context.js';
import { chooseAgency, choosePerson } from './agency.js';

export interface OfficialArgs {
  instansi?: string;
  nip?: string;
  role?: string;
  name?: string;
  title?: string;
  'official-nip'?: string;
  to?: string;
}

type Role = 'ppk' | 'atasan' | 'keduanya';
const ROLES: readonly Role[] = ['ppk', 'atasan', 'keduanya'];

/** The Employee columns a role fills. */
function columnsOf(role: Role, officialId: string | null): { externalPpkId?: string | null; externalAtasanPpkId?: string | null } {
  if (role === 'ppk') return { externalPpkId: officialId };
  if (role === 'atasan') return { externalAtasanPpkId: officialId };
  return { externalPpkId: officialId, externalAtasanPpkId: officialId };
}

function roleOf(context: CliContext, value: string | undefined, extra: readonly string[] = []): string {
  const role = value?.trim().toLowerCase();
  if (!role || ![...ROLES, ...extra].includes(role)) throw new CliUsageError(context.text.badOption({ option: 'role', expected: officialText[context.locale].badRole }));
  return role;
}

/** Records the official outside the bot (once per agency, name and title) as PPK and/or Atasan PPK of `--nip`. */
export async function officialSetCommand(context: CliContext, args: OfficialArgs): Promise<number> {
  const t = officialText[context.locale];
  if (!args.nip) throw new CliUsageError(t.usage);
  const role = roleOf(context, args.role) as Role;
  const name = args.name?.trim();
  const title = args.title?.trim();
  if (!name || !title) throw new CliUsageError(t.nameAndTitle);
  let nip: string | null = null;
  if (args['official-nip']?.trim()) {
    const parsed = normalizeNip(args['official-nip']);
    if (!parsed.ok) throw new CliUsageError(t.badOfficialNip({ value: args['official-nip'] }));
    nip = parsed.nip;
  }
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const employee = await choosePerson(db.prisma, context, agency.id, args.nip);
  await decideAndCommit(db.prisma, context.now(), (work) => {
    const id = work.newId();
    work.change(`externalOfficial.set ${employee.id}`, async (tx) => {
      const official = await tx.externalOfficial.upsert({
        where: { agencyId_title_name: { agencyId: agency.id, title, name } },
        create: { id, agencyId: agency.id, name, title, nip },
        update: nip ? { nip } : {},
      });
      return tx.employee.update({ where: { id: employee.id }, data: columnsOf(role, official.id) });
    });
    work.audit({ agencyId: agency.id, actorLabel: 'cli', action: 'official.set', entityType: 'Employee', entityId: employee.id, details: { role, name, title, nip } });
    return Promise.resolve(null);
  });
  context.out(t.set({ official: t.officialName({ name, title, nip }), role: t[`role${role}`], employee: `${employee.name} (NIP ${employee.nip})` }));
  return 0;
}

/** Delegates the PPK's authority for `--nip` to `--to`, an official inside the bot. */
export async function officialDelegateCommand(context: CliContext, args: OfficialArgs): Promise<number> {
  const t = officialText[context.locale];
  if (!args.nip || !args.to) throw new CliUsageError(t.usage);
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const employee = await choosePerson(db.prisma, context, agency.id, args.nip);
  const delegate = await choosePerson(db.prisma, context, agency.id, args.to);
  const names = { employee: employee.name, official: delegate.name };
  if (delegate.id === employee.id) throw new CliUsageError(t.delegateSelf(names));
  if (!delegate.active) throw new CliUsageError(t.delegateInactive(names));
  // Two people delegated to each other would rate each other too.
  if (delegate.ppkDelegateId === employee.id) throw new CliUsageError(t.delegateMutual(names));
  // A delegate below the employee would rate them while being rated by them.
  const seen = new Set<string>();
  for (let id = delegate.supervisorId; id && !seen.has(id); ) {
    if (id === employee.id) throw new CliUsageError(t.delegateCycle(names));
    seen.add(id);
    id = (await db.prisma.employee.findUnique({ where: { id }, select: { supervisorId: true } }))?.supervisorId ?? null;
  }
  await decideAndCommit(db.prisma, context.now(), (work) => {
    work.change(`employee.delegate ${employee.id}`, (tx) => tx.employee.update({ where: { id: employee.id }, data: { ppkDelegateId: delegate.id } }));
    work.audit({ agencyId: agency.id, actorLabel: 'cli', action: 'official.delegated', entityType: 'Employee', entityId: employee.id, details: { to: delegate.nip } });
    return Promise.resolve(null);
  });
  context.out(t.delegated({ employee: `${employee.name} (NIP ${employee.nip})`, official: `${delegate.name} (NIP ${delegate.nip})` }));
  return 0;
}

/** Removes an external PPK / Atasan PPK or a delegation of `--nip`. */
export async function officialRemoveCommand(context: CliContext, args: OfficialArgs): Promise<number> {
  const t = officialText[context.locale];
  if (!args.nip) throw new CliUsageError(t.usage);
  const role = roleOf(context, args.role, ['delegasi']);
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const employee = await choosePerson(db.prisma, context, agency.id, args.nip);
  const label = t[`role${role as Role | 'delegasi'}`];
  const present = role === 'delegasi' ? employee.ppkDelegateId : role === 'ppk' ? employee.externalPpkId : role === 'atasan' ? employee.externalAtasanPpkId : employee.externalPpkId ?? employee.externalAtasanPpkId;
  if (!present) {
    context.out(t.nothingToRemove({ employee: employee.name, role: label }));
    return 0;
  }
  await decideAndCommit(db.prisma, context.now(), (work) => {
    const data = role === 'delegasi' ? { ppkDelegateId: null } : columnsOf(role as Role, null);
    work.change(`employee.official.remove ${employee.id}`, (tx) => tx.employee.update({ where: { id: employee.id }, data }));
    work.audit({ agencyId: agency.id, actorLabel: 'cli', action: 'official.removed', entityType: 'Employee', entityId: employee.id, details: { role } });
    return Promise.resolve(null);
  });
  context.out(t.removed({ employee: employee.name, role: label }));
  return 0;
}

/** Everyone with an official outside the bot or a delegation, by name. */
export async function officialListCommand(context: CliContext, args: OfficialArgs): Promise<number> {
  const t = officialText[context.locale];
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const rows = await db.prisma.employee.findMany({
    where: { agencyId: agency.id, OR: [{ externalPpkId: { not: null } }, { externalAtasanPpkId: { not: null } }, { ppkDelegateId: { not: null } }] },
    select: { name: true, nip: true, externalPpk: true, externalAtasanPpk: true, ppkDelegate: { select: { name: true, nip: true } } },
    orderBy: { name: 'asc' },
  });
  if (rows.length === 0) context.out(t.none);
  for (const row of rows) {
    const employee = `${row.name} (NIP ${row.nip})`;
    if (row.ppkDelegate) context.out(t.lineDelegated({ employee, official: `${row.ppkDelegate.name} (NIP ${row.ppkDelegate.nip})` }));
    const same = row.externalPpk && row.externalAtasanPpk && row.externalPpk.id === row.externalAtasanPpk.id;
    if (same && row.externalPpk) context.out(t.lineExternal({ employee, role: t.rolekeduanya, official: t.officialName(row.externalPpk) }));
    else {
      if (row.externalPpk) context.out(t.lineExternal({ employee, role: t.roleppk, official: t.officialName(row.externalPpk) }));
      if (row.externalAtasanPpk) context.out(t.lineExternal({ employee, role: t.roleatasan, official: t.officialName(row.externalAtasanPpk) }));
    }
  }
  return 0;
}
