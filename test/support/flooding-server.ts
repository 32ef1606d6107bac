import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A peer on loopback (a guard, an upstream API) that answers every request with `pages` × 64 KB and the given
 * status, written only as fast as the client reads, and counts the pages it got to send: a client that cuts the
 * answer off leaves most of them unsent.
 */
export class FloodingServer {
  private sentPages = 0;
  private readonly server: http.Server;

  constructor(pages: number, status = 200) {
    const page = 'x'.repeat(64 * 1024);
    this.server = http.createServer((request, response) => {
      let open = true;
      response.on('close', () => (open = false));
      request.resume();
      request.on('end', () => {
        response.writeHead(status, { 'content-type': 'application/json' });
        const pump = () => {
          while (open && this.sentPages < pages) {
            this.sentPages++;
            if (!response.write(page)) return void response.once('drain', pump);
          }
          if (open) response.end();
        };
        pump();
      });
    });
  }

  get sent(): number {
    return this.sentPages;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
