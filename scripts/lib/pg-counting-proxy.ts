/**
 * A TCP proxy in front of PostgreSQL that counts what clients send, for the inbound benchmark's
 * census (how many statements and round trips one update costs): PostgreSQL has
 * pg_stat_statements only when preloaded, which a shared server may not be.
 *
 * It reads the client side of the wire protocol (v3, no TLS): after the untyped startup message,
 * every message is a type byte and a length. A simple query ('Q') is one statement and one round
 * trip; the extended protocol sends Parse/Bind/Execute ('E') … Sync ('S'), one round trip per Sync.
 * Every byte is forwarded unchanged. It adds a hop to every query, so latencies measured through it
 * are not the bot's.
 */
import { createConnection, createServer, type Socket } from 'node:net';

/** Counts since the proxy started. */
export interface WireCounts {
  statements: number;
  roundTrips: number;
}

export interface CountingProxy {
  /** The URL to give the bot instead of `targetUrl`. */
  url: string;
  counts(): WireCounts;
  close(): Promise<void>;
}

/** Parses the client→server stream of one connection and counts messages. */
class ClientStream {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly totals: WireCounts) {}

  feed(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 4) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        this.buffer = this.buffer.subarray(length);
        this.started = true;
        continue;
      }
      if (this.buffer.length < 5) return;
      const type = String.fromCharCode(this.buffer[0]!);
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      if (type === 'Q') {
        this.totals.statements++;
        this.totals.roundTrips++;
      } else if (type === 'E') this.totals.statements++;
      else if (type === 'S') this.totals.roundTrips++;
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

/** Starts the proxy on 127.0.0.1 (a free port) in front of the server of `targetUrl`. */
export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  const totals: WireCounts = { statements: 0, roundTrips: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    const stream = new ClientStream(totals);
    client.on('data', (chunk: Buffer) => {
      stream.feed(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('end', () => upstream.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the counting proxy has no port');
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  return {
    url: url.toString(),
    counts: () => ({ ...totals }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
