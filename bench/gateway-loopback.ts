/**
 * Preloaded (`node --require`) into Portkey's gateway by bench/gateway.ts: its start script listens on every
 * interface with no option to choose, and the benchmark must keep everything on loopback.
 */
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  if (typeof args[0] === 'number' && (args[1] === undefined || typeof args[1] === 'function')) {
    args.splice(1, args[1] === undefined ? 1 : 0, '127.0.0.1');
  }
  return (listen as (...rest: unknown[]) => net.Server).apply(this, args);
} as typeof net.Server.prototype.listen;
