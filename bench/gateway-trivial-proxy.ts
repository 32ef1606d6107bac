/**
 * The latency phase's self-check (bench/gateway.ts): the smallest Node proxy there is — node:http in, one
 * keep-alive agent out to the stub, the response piped back — in its own process like every gateway. Its overhead
 * over the stub is the floor any Node gateway pays on this machine (≈ 0.2–1 ms on loopback); if the bench reports
 * much more for it, the latency phase is measuring the load generator or the machine, not the gateways.
 *
 *   node dist/bench/gateway-trivial-proxy.js <upstream base URL> [port]   (prints {"url": …} when listening)
 */
import http from 'node:http';
import { serveOnLoopback } from './gateway-stub';

function main(upstream: URL, port: number): void {
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((incoming, outgoing) => {
    const forwarded = http.request(
      {
        agent,
        host: upstream.hostname,
        port: upstream.port,
        path: incoming.url,
        method: incoming.method,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  serveOnLoopback(server, port);
}

if (require.main === module) {
  const [upstream, port] = process.argv.slice(2);
  if (!upstream) throw new Error('usage: gateway-trivial-proxy <upstream base URL> [port]');
  main(new URL(upstream), Number(port ?? 0));
}
