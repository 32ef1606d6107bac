/**
 * The api's longest event-loop delay, in milliseconds, since its metrics were last read (reading them resets it):
 * read once before a request and once after, it tells whether that request held the loop, apart from the machine
 * being busy elsewhere (Postgres, the test's own process).
 */
export async function apiLoopDelay(url: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return 1000 * Number(/^warden_nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(metrics)![1]);
}
