import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { WebhooksError } from './webhooks.errors';

/** Where a webhook must never go: the server's own network and the cloud metadata services (SSRF). */
const RANGES: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local or metadata'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fc00::', 7, 'ipv6', 'private'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['64:ff9b::', 96, 'ipv6', 'NAT64'],
];

const BLOCKED = new BlockList();
for (const [network, prefix, family] of RANGES) {
  BLOCKED.addSubnet(network, prefix, family);
}

/** The range an address falls in, or null for a public address; IPv4-mapped IPv6 is judged as IPv4. */
export function privateRange(address: string): string | null {
  const ip = mappedIpv4(address) ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (!BLOCKED.check(ip, family)) {
    return null;
  }
  return RANGES.find(([network, prefix, rangeFamily]) => {
    if (rangeFamily !== family) return false;
    const one = new BlockList();
    one.addSubnet(network, prefix, rangeFamily);
    return one.check(ip, family);
  })![3];
}

/**
 * The IPv4 address an IPv4-mapped IPv6 address carries, in whichever form it is written: `::ffff:127.0.0.1`, or
 * `::ffff:7f00:1` as a URL's host and the resolver spell it.
 */
function mappedIpv4(address: string): string | null {
  if (isIP(address) !== 6) {
    return null;
  }
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const words = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!words) {
    return null;
  }
  const [high, low] = [parseInt(words[1], 16), parseInt(words[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

export type Resolve = (host: string) => Promise<string[]>;

const resolveAll: Resolve = async (host) => (await lookup(host, { all: true })).map((entry) => entry.address);

/** A checked webhook URL and the addresses a delivery may connect to (null: any, private targets allowed). */
export interface WebhookTarget {
  url: URL;
  addresses: string[] | null;
}

/**
 * A webhook URL a developer or operator may set: http(s), no credentials, and (unless the operator allows
 * private targets) a host whose every address is public. Checked when set and again before each delivery, so a
 * name that later resolves inside the network is caught too.
 */
export async function checkWebhookUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolve = resolveAll,
): Promise<URL> {
  return (await resolveWebhookTarget(raw, allowPrivate, resolve)).url;
}

/**
 * Checks a webhook URL as `checkWebhookUrl` does and answers the public addresses its host resolved to, which a
 * delivery connects to: resolving the name again would let a rebinding name server answer a private one.
 */
export async function resolveWebhookTarget(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolve = resolveAll,
): Promise<WebhookTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw WebhooksError.invalid('is not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw WebhooksError.invalid('must use http or https');
  }
  if (url.username || url.password) {
    throw WebhooksError.invalid('must not carry credentials');
  }
  if (raw.length > 2000) {
    throw WebhooksError.invalid('must be at most 2000 characters');
  }
  if (allowPrivate) {
    return { url, addresses: null };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      throw WebhooksError.unresolvable(host);
    }
  }
  if (addresses.length === 0) {
    throw WebhooksError.unresolvable(host);
  }
  for (const address of addresses) {
    const range = privateRange(address);
    if (range) {
      throw WebhooksError.privateAddress(host, address, range);
    }
  }
  return { url, addresses };
}
