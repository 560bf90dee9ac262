/**
 * The SSRF guard. A URL handed to newsprism may point at the machine it runs on or at its
 * private network (cloud metadata, admin panels), so unless the user opts in, only globally
 * routable unicast addresses are reachable. The check runs inside the socket's own DNS lookup,
 * so the address that was checked is the address that gets connected to: a hostname cannot
 * resolve to a public address for the check and a private one for the connection.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Resolves a hostname to its IP addresses; injectable so tests can point names at loopback. */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

export const systemResolveHost: ResolveHost = async (hostname) => {
  const records = await dnsLookup(hostname, { all: true, verbatim: true });
  return records.map((record) => record.address);
};

/**
 * True only for globally routable unicast addresses. Anything ipaddr.js files under a special
 * range is refused, including loopback, RFC 1918, link-local, unique-local, CGNAT, multicast,
 * unspecified and the IPv6 transition ranges (6to4, Teredo, NAT64) that can smuggle an IPv4
 * address inside. IPv4-mapped IPv6 is judged as the IPv4 address it maps.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/** The IP literal a URL hostname spells, without IPv6 brackets, or null for a DNS name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}

/** Raised from inside the socket lookup; fetch turns it into an InputError. */
export class PrivateAddressRefusal extends Error {
  override readonly name = 'PrivateAddressRefusal';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to non-public address ${address}`);
  }
}

export interface LookupPolicy {
  resolveHost: ResolveHost;
  /** Whether `hostname` may connect to `address`. */
  permits: (hostname: string, address: string) => boolean;
}

/** A `lookup` for net/tls.connect that resolves through the policy and refuses forbidden hosts. */
export function guardedLookup(policy: LookupPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolveChecked(policy, hostname, options).then(
      (addresses) => {
        if (options.all) {
          callback(null, addresses);
          return;
        }
        const first = addresses[0];
        if (first) callback(null, first.address, first.family);
      },
      (error: unknown) => callback(asErrno(error), '', 0),
    );
  };
}

async function resolveChecked(
  policy: LookupPolicy,
  hostname: string,
  options: LookupOptions,
): Promise<LookupAddress[]> {
  const resolved = await policy.resolveHost(hostname);
  // Every address is checked, not just the one used: with several A records the socket may
  // fall back to any of them.
  const refused = resolved.find((address) => !policy.permits(hostname, address));
  if (refused !== undefined) throw new PrivateAddressRefusal(hostname, refused);
  const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
  const addresses = resolved
    .map((address) => ({ address, family: isIP(address) }))
    .filter((entry) => entry.family !== 0 && (wanted === 0 || entry.family === wanted));
  if (addresses.length === 0) throw notFound(hostname);
  return addresses;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  return error;
}

function asErrno(error: unknown): NodeJS.ErrnoException {
  return error instanceof Error ? error : new Error(String(error));
}
