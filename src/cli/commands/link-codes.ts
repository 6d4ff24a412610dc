/** `link-codes`: issues link codes and writes them to a CSV for HR to hand out. */
import { writeFile } from 'node:fs/promises';
import { formatCivilDate, localDate } from '../../domain/periods.js';
import { toCsv } from '../../files/csv-write.js';
import { issueLinkCodes, unitSubtree } from '../../linking/link-codes.js';
import { CliUsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { chooseAgency } from './agency.js';

/** The bot's Telegram username, when a token is configured and Telegram answers; for t.me deep links. */
async function telegramUsername(context: CliContext): Promise<string | undefined> {
  const telegram = context.config.telegram;
  if (!telegram) return undefined;
  try {
    const response = await fetch(`${telegram.apiRoot}/bot${telegram.botToken}/getMe`, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as { ok: boolean; result?: { username?: string } };
    return body.ok ? body.result?.username : undefined;
  } catch {
    return undefined;
  }
}

export interface LinkCodesArgs {
  instansi?: string;
  unit?: string;
  out?: string;
}

export async function linkCodesCommand(context: CliContext, args: LinkCodesArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  let unitIds: string[] | undefined;
  if (args.unit) {
    const unit = await db.prisma.unit.findFirst({ where: { agencyId: agency.id, name: { equals: args.unit, mode: 'insensitive' } } });
    if (!unit) throw new CliUsageError(context.text.unitUnknown({ name: args.unit }));
    unitIds = await unitSubtree(db.prisma, agency.id, unit.id);
  }
  const now = context.now();
  const issued = await issueLinkCodes(db.prisma, { agencyId: agency.id, unitIds, ttlDays: context.config.linkCodeTtlDays, now });
  if (issued.codes.length === 0) {
    context.out(context.text.linkCodesNone);
    return 0;
  }
  const expires = formatCivilDate(localDate(issued.expiresAt, agency.timeZone));
  const file = args.out ?? `kode-tautan-${formatCivilDate(localDate(now, agency.timeZone))}.csv`;
  const header = context.locale === 'id'
    ? ['nip', 'nama', 'unit', 'kode', 'berlaku_sampai', 'cara_pakai', 'tautan_telegram']
    : ['nip', 'name', 'unit', 'code', 'valid_until', 'how_to_use', 'telegram_link'];
  // A t.me link opens the bot and sends /start CODE with one tap.
  const username = await telegramUsername(context);
  const rows = issued.codes.map((code) => [
    code.nip,
    code.name,
    code.unit,
    code.code,
    expires,
    context.text.linkCodeHowTo({ code: code.code }),
    username ? `https://t.me/${username}?start=${code.code}` : '',
  ]);
  // Owner-only permissions: the file holds secrets.
  await writeFile(file, toCsv(header, rows), { mode: 0o600 });
  context.out(context.text.linkCodesIssued({ count: issued.codes.length, file, expires, revoked: issued.revoked }));
  return 0;
}
