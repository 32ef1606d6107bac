import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { WardenConfig } from '../config/config';
import { WARDEN_CONFIG } from '../config/config.module';
import { REDIS } from '../common/redis.module';
import { RequestLogRecord } from './request-log.record';
import { REQUEST_LOG_STREAM_FIELD, requestLogStreamKey } from './request-log.stream';
import { duplicateConnection, RedisClient } from '../common/redis-connection';

/**
 * The most characters of JSON one stream entry carries. A group commit gathers up to the batch size of records, and
 * a record holds a request's whole prompt (4 MB bodies, ~8 MB logged): 500 of them would pass both Redis' 512 MB
 * bulk limit (every record of the entry refused) and V8's longest string (~536 M characters, where serializing
 * throws). Larger batches leave as several entries.
 */
export const MAX_ENTRY_CHARS = 64 * 1024 * 1024;

interface Pending {
  record: RequestLogRecord;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Hands request-log records to the worker through a Redis Stream (`request-log.stream.ts`), and releases each caller
 * only once Redis holds its record, so an answered request is never unlogged. Hand-offs are group commits with no
 * timer: one XADD is in flight at a time, records arriving meanwhile wait for its answer and then leave together as
 * the next entry. An idle server adds one Redis round trip to a response; under load a record waits at most for the
 * round trip already under way (never a fixed window). One XADD on a connection of its own is all a hand-off costs
 * (a BullMQ job was a Lua script writing a hash, a list, an event and a marker, and one job for the worker to fetch,
 * lock and complete); the worker drains many entries with one read and one INSERT.
 */
@Injectable()
export class RequestLogProducer implements OnApplicationShutdown {
  private pending: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  private readonly outstanding = new Set<Promise<void>>();
  private readonly streamKey: string;
  /** Its own connection: a hand-off never queues behind other commands, and shutdown closes it after the last one. */
  private readonly redis: RedisClient;

  constructor(
    @Inject(REDIS) redis: RedisClient,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {
    this.redis = duplicateConnection(redis);
    this.streamKey = requestLogStreamKey(config.redisPrefix);
  }

  record(record: RequestLogRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ record, resolve, reject });
      if (this.pending.length >= this.config.requestLog.batchSize) {
        this.flush();
      } else if (!this.scheduled && this.inFlight === 0) {
        this.scheduled = true;
        // A microtask later, so that records of the same tick (requests finishing together) share the entry.
        queueMicrotask(() => this.flush());
      }
    });
  }

  /** Sends what is still pending and waits until Redis has answered for every record. */
  async onApplicationShutdown(): Promise<void> {
    this.flush();
    while (this.outstanding.size > 0) await Promise.all(this.outstanding);
    this.redis.disconnect();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    this.handOff(this.pending.splice(0, this.config.requestLog.batchSize));
  }

  /**
   * Serializes each record on its own, so one that cannot be (or the sum of many) never throws out of the hand-off
   * (from a microtask that ends the process, leaving the batch's callers waiting), and cuts the batch into entries
   * under MAX_ENTRY_CHARS.
   */
  private handOff(batch: Pending[]): void {
    let entry: Pending[] = [];
    let parts: string[] = [];
    let chars = 2;
    for (const pending of batch) {
      let json: string;
      try {
        json = JSON.stringify(pending.record);
      } catch (err) {
        pending.reject(err);
        continue;
      }
      if (parts.length > 0 && chars + json.length + 1 > MAX_ENTRY_CHARS) {
        this.send(entry, parts);
        entry = [];
        parts = [];
        chars = 2;
      }
      entry.push(pending);
      parts.push(json);
      chars += json.length + 1;
    }
    if (parts.length > 0) this.send(entry, parts);
  }

  /** The outcome goes to each record's caller; `outstanding` lets shutdown wait for it. */
  private send(batch: Pending[], parts: string[]): void {
    const done = this.redis
      .xadd(this.streamKey, '*', REQUEST_LOG_STREAM_FIELD, `[${parts.join(',')}]`)
      .then(
        () => batch.forEach((entry) => entry.resolve()),
        (err: unknown) => batch.forEach((entry) => entry.reject(err)),
      )
      .finally(() => {
        this.outstanding.delete(done);
        this.inFlight--;
        // What gathered while this hand-off was in flight leaves now, as one entry.
        if (this.inFlight === 0) this.flush();
      });
    this.inFlight++;
    this.outstanding.add(done);
  }
}
