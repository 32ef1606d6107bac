/**
 * The latency phase's load: an open loop that starts one request every 1000/rate ms, evenly spaced, over a pool of
 * keep-alive connections, and times each from the moment it is written to its last byte.
 *
 * autocannon's `overallRate` is not that: each connection gets rate/connections requests a second, a one-second
 * interval resets every connection's allowance at once, and each connection then sends its share back to back.
 * At 100 req/s over 16 connections every second began with 16 concurrent requests followed by ≈ 6 in series on
 * each, so a plain proxy "added" ≈ 15 ms p50: the queueing of that burst, not the proxy.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export const LATE_START_MS = 5;

export interface PacedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface PacedResult {
  /** Response times of the 200 answers, in ms at full precision. */
  latencies: number[];
  failures: number;
  /** Requests started more than LATE_START_MS behind schedule (the generator's own event loop was held up). */
  lateStarts: number;
}

export async function pacedLoad(
  request: PacedRequest,
  rate: number,
  seconds: number,
  connections: number,
): Promise<PacedResult> {
  const target = new URL(request.url);
  const body = Buffer.from(request.body);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const headers = { ...request.headers, 'content-length': String(body.length) };
  const latencies: number[] = [];
  let failures = 0;
  let lateStarts = 0;
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const inFlight: Array<Promise<void>> = [];

  const send = () =>
    new Promise<void>((resolve) => {
      const sentAt = performance.now();
      const outgoing = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers,
        },
        (response) => {
          response.on('data', () => undefined);
          response.on('end', () => {
            if (response.statusCode === 200) latencies.push(performance.now() - sentAt);
            else failures++;
            resolve();
          });
        },
      );
      outgoing.on('error', () => {
        failures++;
        resolve();
      });
      outgoing.end(body);
    });

  for (let index = 0; index < total; index++) {
    const due = start + index * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (performance.now() - due > LATE_START_MS) lateStarts++;
    inFlight.push(send());
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { latencies, failures, lateStarts };
}
