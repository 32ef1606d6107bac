/**
 * The upstream every gateway in bench/gateway.ts forwards to: an OpenAI-compatible `/v1/completions` on loopback
 * that reads the request and answers at once with a fixed completion, so what is measured is the gateway alone.
 * Runs as its own process (the load generator must not share its event loop) and prints its URL when listening.
 *
 *   node dist/bench/gateway-stub.js [port]   (default: any free port)
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

export const STUB_COMPLETION =
  ' Thank you so much for moving our planning meeting to Thursday afternoon; it made the week much easier for everyone.';

function answer(model: unknown): string {
  return JSON.stringify({
    id: 'cmpl-bench',
    object: 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, text: STUB_COMPLETION, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 24, completion_tokens: 22, total_tokens: 46 },
  });
}

function main(port: number): void {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/completions') {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(
          '{"error":{"message":"not found","type":"invalid_request_error","param":null,"code":null}}',
        );
        return;
      }
      let model: unknown = null;
      try {
        model = (JSON.parse(Buffer.concat(chunks).toString()) as { model?: unknown }).model ?? null;
      } catch {
        // an unparsable body still gets the fixed answer: the stub measures transport, not validation
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer(model));
    });
  });
  serveOnLoopback(server, port);
}

/**
 * How the bench's own servers (this stub, the trivial proxy) run: on the loopback port given (0: any free one),
 * printing `{"url": …}` once listening (bench/gateway.ts waits for that line), until SIGTERM.
 */
export function serveOnLoopback(server: http.Server, port: number): void {
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

if (require.main === module) {
  main(Number(process.argv[2] ?? 0));
}
