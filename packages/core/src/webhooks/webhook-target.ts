import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { invalid } from '../platform/errors';

/**
 * Addresses a webhook must never reach unless WEBHOOKS_ALLOW_PRIVATE=true: this machine, the
 * private networks around it, link-local (cloud metadata lives at 169.254.169.254), carrier-grade
 * NAT, multicast and the reserved ranges; and their IPv6 counterparts.
 */
const INWARD = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  INWARD.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  INWARD.addSubnet(network, prefix, 'ipv6');

/** True for loopback, private, link-local and reserved addresses (IPv4-mapped IPv6 included). */
export function isInwardAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return INWARD.check(mapped[1]!, 'ipv4');
    return INWARD.check(address, 'ipv6');
  }
  return INWARD.check(address, 'ipv4');
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );
}

/**
 * Checks a webhook URL when it is saved: every address its host resolves to must be public
 * (unless private targets are allowed). A host that does not resolve is refused too (400).
 */
export async function assertWebhookTarget(url: string, allowPrivate: boolean, field = 'url'): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(new URL(url));
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolveAll(host)).map((a) => a.address);
    } catch {
      throw invalid([{ field, message: `The host ${host} does not resolve` }]);
    }
  }
  if (addresses.length === 0 || addresses.some(isInwardAddress))
    throw invalid([{ field, message: 'Webhooks may not target private, loopback or link-local addresses' }]);
}

export class InwardTargetError extends Error {
  override name = 'InwardTargetError';
}

/**
 * A `lookup` for http.request that refuses inward addresses at connection time, after DNS
 * resolution: a hostname that was public when saved and points inward now (DNS rebinding) is
 * refused on the delivery itself.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (
    hostname: string,
    options: { all?: boolean },
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = !allowPrivate && addresses.some((a) => isInwardAddress(a.address));
      if (bad || addresses.length === 0)
        return callback(new InwardTargetError(`${hostname} resolves to a private address`), []);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** An IP literal in the URL never goes through `lookup`: check it directly. */
export function literalTargetRefused(url: URL, allowPrivate: boolean): boolean {
  const host = hostOf(url);
  return !allowPrivate && isIP(host) !== 0 && isInwardAddress(host);
}
