import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { REDIS } from '../common/redis.module';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import {
  decodeStreamEntry,
  REQUEST_LOG_CONSUMER_GROUP,
  requestLogStreamKey,
  RequestLogStreamEntry,
} from './request-log.stream';
import { RequestLogWriter } from './request-log.writer';
import { duplicateConnection, RedisClient } from '../common/redis-connection';

/** Entries one read takes; they are written in chunks of at most the batch size in records. */
const READ_COUNT = 50;
const READ_BLOCK_MS = 5_000;
/**
 * After a read that found less than a full batch, the next waits this long, so that under load one INSERT carries
 * tens of records instead of one or two (its fixed cost is most of a small write's). Rows reach Postgres at most
 * this much later; the api never waits for it, and an idle stream is read at once (a blocking read).
 */
const GATHER_MS = 50;
/** An entry pending this long with a consumer that stopped refreshing it is taken over (a worker died with it). */
export const CLAIM_IDLE_MS = 10_000;
const CLAIM_REFRESH_MS = 3_000;
const SWEEP_INTERVAL_MS = 5_000;
/** Deliveries after which an entry is assumed to kill whoever writes it, and goes to dead letters unwritten. */
export const MAX_DELIVERIES = 5;
/** A consumer with nothing pending and silent this long is a worker gone for good: removed from the group. */
const FORGET_CONSUMER_MS = 600_000;
const RETRY_MAX_MS = 30_000;

interface Chunk {
  entries: RequestLogStreamEntry[];
  /** Deliveries of the entries before this one, when they were taken over from a consumer that stopped. */
  deliveries: number;
}

/**
 * The worker's side of the request-log stream. One reader takes every entry waiting (the busier the api, the more
 * records share a read and an INSERT; a read finding less than a batch is followed by a short gathering pause),
 * writes them, then acknowledges and deletes them: an entry leaves Redis only once its rows are in Postgres (or in
 * dead letters). While the database is away the entries stay pending and the
 * write is retried with backoff; entries of a worker that died are taken over by another after CLAIM_IDLE_MS and
 * written again, which inserts nothing twice (request ids are unique). Reads wait while a write is in flight unless
 * the last read came back full, so more writes run in parallel (up to WARDEN_WORKER_CONCURRENCY) only when there is
 * a backlog to share.
 */
@Injectable()
export class RequestLogConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly streamKey: string;
  private readonly name = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  /** XREADGROUP … BLOCK holds its connection; acknowledgements and claims go on the other. */
  private readonly reader: RedisClient;
  private readonly commands: RedisClient;
  private readonly writes = new Set<Promise<void>>();
  private running = false;
  private stopping!: Promise<void>;
  private stop!: () => void;
  private readLoop?: Promise<void>;
  private sweepTimer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly writer: RequestLogWriter,
    @Inject(REDIS) redis: RedisClient,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.streamKey = requestLogStreamKey(config.redisPrefix);
    this.reader = duplicateConnection(redis, { maxRetriesPerRequest: null });
    this.commands = duplicateConnection(redis);
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.stopping = new Promise((resolve) => (this.stop = resolve));
    this.readLoop = this.read();
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  /** Stops reading and waits for the writes under way; a write still failing is left pending for the next worker. */
  async onModuleDestroy(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stop();
    clearInterval(this.sweepTimer);
    this.reader.disconnect();
    await this.readLoop;
    while (this.writes.size > 0) await Promise.all(this.writes);
    this.commands.disconnect();
  }

  private async read(): Promise<void> {
    let groupReady = false;
    let lastReadFull = false;
    let nextReadAt = 0;
    while (this.running) {
      try {
        if (!groupReady) {
          await this.ensureGroup();
          groupReady = true;
          void this.sweep();
        }
        // A write in flight gathers the next batch, unless there is a backlog to share among parallel writes.
        while (this.writes.size > 0 && (!lastReadFull || this.writes.size >= this.config.workerConcurrency)) {
          await Promise.race(this.writes);
        }
        await this.pause(nextReadAt - Date.now());
        if (!this.running) return;
        const reply = (await this.reader.xreadgroup(
          'GROUP',
          REQUEST_LOG_CONSUMER_GROUP,
          this.name,
          'COUNT',
          READ_COUNT,
          'BLOCK',
          READ_BLOCK_MS,
          'STREAMS',
          this.streamKey,
          '>',
        )) as Array<[string, Array<[string, string[]]>]> | null;
        const entries = (reply?.[0]?.[1] ?? []).map(decodeStreamEntry);
        const chunks = this.chunk(entries);
        lastReadFull = entries.length === READ_COUNT || chunks.length > 1;
        nextReadAt = entries.length > 0 && !lastReadFull ? Date.now() + GATHER_MS : 0;
        for (const chunk of chunks) await this.dispatch({ entries: chunk, deliveries: 1 });
      } catch (err) {
        if (!this.running) return;
        if (String(err).includes('NOGROUP')) groupReady = false; // the stream was deleted: recreate the group
        this.logger.warn({ err }, 'request-log stream read failed; retrying');
        await this.pause(1_000);
      }
    }
  }

  /** The group reads the stream from its start, so records handed off before any worker existed are read too. */
  private async ensureGroup(): Promise<void> {
    try {
      await this.commands.xgroup('CREATE', this.streamKey, REQUEST_LOG_CONSUMER_GROUP, '0', 'MKSTREAM');
    } catch (err) {
      if (!String(err).includes('BUSYGROUP')) throw err;
    }
  }

  /** Consecutive entries holding at most a batch of records together (an entry is never split). */
  private chunk(entries: RequestLogStreamEntry[]): RequestLogStreamEntry[][] {
    const chunks: RequestLogStreamEntry[][] = [];
    let size = Infinity;
    for (const entry of entries) {
      const records = Array.isArray(entry.records) ? entry.records.length : 1;
      if (size + records > this.config.requestLog.batchSize) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1].push(entry);
      size += records;
    }
    return chunks;
  }

  /** Starts a write once fewer than WARDEN_WORKER_CONCURRENCY are under way. */
  private async dispatch(chunk: Chunk): Promise<void> {
    while (this.writes.size >= this.config.workerConcurrency) await Promise.race(this.writes);
    const write = this.write(chunk).finally(() => this.writes.delete(write));
    this.writes.add(write);
  }

  /** Writes a chunk until it is written (or the worker stops), then acknowledges and deletes its entries. */
  private async write({ entries, deliveries }: Chunk): Promise<void> {
    const ids = entries.map((entry) => entry.id);
    // Pending entries idle for CLAIM_IDLE_MS are taken over: a slow or retried write keeps its entries fresh.
    const refresh = setInterval(() => void this.keepClaimed(ids), CLAIM_REFRESH_MS);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.writeEntries(entries, deliveries);
          break;
        } catch (err) {
          if (!this.running) return;
          const delay = Math.min(RETRY_MAX_MS, 500 * 2 ** attempt);
          this.logger.warn(
            { err, entries: ids.length, attempt, retryInMs: delay },
            'request logs not written; retrying',
          );
          await this.pause(delay);
          if (!this.running) return;
        }
      }
    } finally {
      clearInterval(refresh);
    }
    try {
      await this.commands
        .multi()
        .xack(this.streamKey, REQUEST_LOG_CONSUMER_GROUP, ...ids)
        .xdel(this.streamKey, ...ids)
        .exec();
    } catch (err) {
      // Written but still pending: taken over and written again later, which inserts nothing twice.
      this.logger.warn({ err, entries: ids.length }, 'request-log entries written but not acknowledged');
    }
  }

  private async writeEntries(entries: RequestLogStreamEntry[], deliveries: number): Promise<void> {
    const records = [];
    for (const entry of entries) {
      if (!Array.isArray(entry.records)) {
        const { unreadable, raw } = entry.records;
        await this.writer.deadLetterUnreadable(`stream:${entry.id}`, unreadable, raw);
      } else if (deliveries >= MAX_DELIVERIES) {
        const reason = `a worker stopped ${deliveries - 1} times while writing this hand-off (stream entry ${entry.id})`;
        for (const record of entry.records) await this.writer.deadLetter(record, reason, { entry: entry.id });
      } else {
        records.push(...entry.records);
      }
    }
    if (records.length > 0) await this.writer.write(records, { entries: entries.length, deliveries });
  }

  private async keepClaimed(ids: string[]): Promise<void> {
    try {
      await this.commands.xclaim(this.streamKey, REQUEST_LOG_CONSUMER_GROUP, this.name, 0, ...ids, 'JUSTID');
    } catch (err) {
      this.logger.warn({ err }, 'request-log entries could not be kept claimed');
    }
  }

  /**
   * Takes over entries another consumer left pending (a worker killed mid-batch), and forgets consumers long gone.
   * An entry taken over more than once is written alone, so one that kills its writer takes no neighbour with it.
   */
  private async sweep(): Promise<void> {
    if (this.sweeping || !this.running) return;
    this.sweeping = true;
    try {
      let cursor = '0-0';
      do {
        const [next, claimed] = (await this.commands.xautoclaim(
          this.streamKey,
          REQUEST_LOG_CONSUMER_GROUP,
          this.name,
          CLAIM_IDLE_MS,
          cursor,
          'COUNT',
          READ_COUNT,
        )) as [string, Array<[string, string[]] | null>];
        cursor = next;
        const entries = claimed
          .filter((entry): entry is [string, string[]] => entry !== null)
          .map(decodeStreamEntry);
        if (entries.length === 0) continue;
        this.logger.warn({ entries: entries.length }, 'request-log entries taken over from a stopped worker');
        const deliveries = await this.deliveries(entries.map((entry) => entry.id));
        const fresh = entries.filter((entry) => (deliveries.get(entry.id) ?? 1) <= 2);
        for (const chunk of this.chunk(fresh)) await this.dispatch({ entries: chunk, deliveries: 2 });
        for (const entry of entries.filter((candidate) => !fresh.includes(candidate))) {
          await this.dispatch({ entries: [entry], deliveries: deliveries.get(entry.id)! });
        }
      } while (cursor !== '0-0' && this.running);
      await this.forgetStoppedConsumers();
    } catch (err) {
      if (this.running) this.logger.warn({ err }, 'request-log stream sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  private async deliveries(ids: string[]): Promise<Map<string, number>> {
    const sorted = [...ids].sort(compareStreamIds);
    const pending = (await this.commands.xpending(
      this.streamKey,
      REQUEST_LOG_CONSUMER_GROUP,
      sorted[0],
      sorted[sorted.length - 1],
      ids.length,
      this.name,
    )) as Array<[string, string, number, number]>;
    return new Map(pending.map(([id, , , count]) => [id, Number(count)]));
  }

  private async forgetStoppedConsumers(): Promise<void> {
    const consumers = (await this.commands.xinfo(
      'CONSUMERS',
      this.streamKey,
      REQUEST_LOG_CONSUMER_GROUP,
    )) as Array<Array<string | number>>;
    for (const fields of consumers) {
      const info = Object.fromEntries(
        Array.from({ length: fields.length / 2 }, (_, i) => [fields[2 * i], fields[2 * i + 1]]),
      );
      if (info.name !== this.name && Number(info.pending) === 0 && Number(info.idle) > FORGET_CONSUMER_MS) {
        await this.commands.xgroup(
          'DELCONSUMER',
          this.streamKey,
          REQUEST_LOG_CONSUMER_GROUP,
          String(info.name),
        );
      }
    }
  }

  /** Waits `ms`, or less if the worker is stopping. */
  private pause(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
      this.stopping,
    ]).finally(() => clearTimeout(timer));
  }
}

function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split('-').map(BigInt);
  const [bMs, bSeq] = b.split('-').map(BigInt);
  return aMs === bMs ? Number(aSeq - bSeq) : aMs < bMs ? -1 : 1;
}
