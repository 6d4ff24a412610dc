/**
 * The delivery worker's claims and marks on real PostgreSQL: one statement per batch, chat order,
 * leases, and a row never handed out twice.
 */
import { describe, expect, it } from 'vitest';
import { OutboxLedger } from '../../src/delivery/outbox-ledger.js';
import type { SqlSession } from '../../src/storage/sql.js';
import { uuidv7 } from '../../src/storage/ids.js';
import { useTestDatabase } from '../support/database.js';

const db = await useTestDatabase();

/** Counts the statements the ledger sends. */
function counted(sql: SqlSession): SqlSession & { statements: number } {
  const wrapper = {
    statements: 0,
    exec: (script: string) => sql.exec(script),
    query: <Row>(text: string, params?: unknown[], name?: string) => {
      wrapper.statements++;
      return sql.query<Row>(text, params, name);
    },
  };
  return wrapper;
}

/** Writes pending outbox rows to `chatId`, in order, one millisecond apart. */
async function queue(chatId: string, count = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await db.prisma.outboundMessage.create({
      data: { id: uuidv7(), platform: 'TELEGRAM', chatId, payload: { blocks: [{ kind: 'paragraph', text: `pesan ${i + 1}` }] }, createdAt: new Date(Date.now() + i) },
    });
    ids.push(row.id);
  }
  return ids;
}

describe('OutboxLedger', () => {
  it('claims the rows of many concurrent jobs in one statement', async () => {
    const ids = (await Promise.all(['101', '102', '103', '104', '105'].map((chat) => queue(chat)))).flat();
    const sql = counted(db.sql);
    const ledger = new OutboxLedger(sql, 60);
    const claims = await Promise.all(ids.map((id) => ledger.claim(id)));
    expect(claims.map((c) => c.row?.id)).toEqual(ids);
    expect(claims[0]!.row).toMatchObject({ platform: 'TELEGRAM', chatId: '101', payload: { blocks: [{ text: 'pesan 1' }] } });
    expect(sql.statements).toBe(1);
    await Promise.all(ids.map((id) => ledger.markSent(id, `m-${id}`)));
    expect(sql.statements).toBe(2);
    const rows = await db.prisma.outboundMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.every((row) => row.status === 'SENT' && row.attempts === 1 && row.externalMessageId === `m-${row.id}` && row.sentAt)).toBe(true);
  });

  it("keeps a chat's order: a later message waits until the earlier one is sent", async () => {
    const [first, second] = await queue('201', 2);
    const ledger = new OutboxLedger(db.sql, 60);
    const [later, earlier] = await Promise.all([ledger.claim(second!), ledger.claim(first!)]);
    expect(earlier.row?.id).toBe(first);
    expect(later).toEqual({ row: undefined, pending: true, waitMs: 0 });
    await ledger.markSent(first!, 'm1');
    expect((await ledger.claim(second!)).row?.id).toBe(second);
  });

  it('never hands a row out twice: a leased row says how long the lease lasts', async () => {
    const [id] = await queue('301');
    const ledger = new OutboxLedger(db.sql, 60);
    const [a, b] = await Promise.all([ledger.claim(id!), ledger.claim(id!)]);
    expect([a.row?.id, b.row?.id].filter(Boolean)).toEqual([id]);
    const again = await new OutboxLedger(db.sql, 60).claim(id!);
    expect(again.row).toBeUndefined();
    expect(again).toMatchObject({ pending: true });
    expect((again as { waitMs: number }).waitMs).toBeGreaterThan(55_000);
    await ledger.markSent(id!, 'm');
    expect(await ledger.claim(id!)).toEqual({ row: undefined, pending: false, waitMs: 0 });
    expect(await ledger.claim(uuidv7())).toEqual({ row: undefined, pending: false, waitMs: 0 });
  });
});
