import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; created: number; data: Record<string, unknown> };
}

/** A developer's webhook endpoint on loopback; can be told to fail the first N deliveries. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server?: http.Server;

  constructor(private failFirst = 0) {}

  async start(): Promise<string> {
    this.server = http.createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      if (this.failFirst > 0) {
        this.failFirst--;
        response.writeHead(503).end();
        return;
      }
      this.received.push({
        headers: request.headers,
        body,
        json: JSON.parse(body) as ReceivedWebhook['json'],
      });
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/warden`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
