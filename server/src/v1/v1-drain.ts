import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { CompletionsError } from './completions.errors';

/**
 * The `/v1` calls in flight, for a shutdown: they may finish for a while; then the rest are ended with a clear error
 * (an error event and `[DONE]` on a stream, a 503 otherwise) and logged like any failure, instead of being cut off
 * mid-answer when the process exits, which a client reading a stream cannot tell from a finished answer.
 */
@Injectable()
export class V1Drain {
  private readonly deadline = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();

  /** Aborted, with the error the calls end with, once the drain's grace is over. */
  get signal(): AbortSignal {
    return this.deadline.signal;
  }

  async track<T>(call: Promise<T>): Promise<T> {
    this.inFlight.add(call);
    try {
      return await call;
    } finally {
      this.inFlight.delete(call);
    }
  }

  /** Waits up to `graceMs` for the calls in flight, then ends the rest and gives them `endMs` to say so. */
  async drain(graceMs: number, endMs: number): Promise<void> {
    const settled = (): Promise<unknown> => Promise.allSettled([...this.inFlight]);
    const grace = new AbortController();
    const finished = await Promise.race([
      settled().then(() => true),
      sleep(graceMs, false, { signal: grace.signal }).catch(() => false),
    ]);
    grace.abort();
    if (finished) return;
    this.deadline.abort(CompletionsError.serverStopping());
    const end = new AbortController();
    await Promise.race([settled(), sleep(endMs, undefined, { signal: end.signal }).catch(() => undefined)]);
    end.abort();
  }
}
