/**
 * Where a load test may go. The reverse of the proxy's rule: a load test is a flood, so by
 * default only loopback and private addresses (this machine, its own network) are allowed, and
 * only when the server lets the proxy reach them too (`allowPrivateTargets`, true on loopback).
 * Public addresses need the deployment's opt-in `PARLEY_LOAD_PUBLIC_TARGETS=1`. Checked after
 * DNS, before the test and on every new connection (a name re-pointed mid-test is caught).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { isPrivateAddress } from '../security.ts';

export interface LoadTargetPolicy {
  allowPrivateTargets: boolean;
  allowPublicTargets: boolean;
}

/** Error code of a refused address (counted as `policy`). */
export const LOAD_POLICY_CODE = 'EPARLEYPOLICY';

/** Why `address` is refused, or `null` when a load test may send to it. */
export function refusalOf(host: string, address: string, policy: LoadTargetPolicy): string | null {
  if (isPrivateAddress(address)) {
    if (policy.allowPrivateTargets) return null;
    return `${host} is ${address}, a private or loopback address, and this Parley server is deployed for others: it refuses such targets (the proxy policy).`;
  }
  if (policy.allowPublicTargets) return null;
  return `${host} resolves to ${address}, a public address. Parley load-tests only loopback or private targets, so it cannot be used to flood someone else's server; the deployment can opt in with PARLEY_LOAD_PUBLIC_TARGETS=1.`;
}

/** Resolves `hostname` and returns the refusal sentence for the first address that is refused, or null. */
export async function checkLoadTarget(hostname: string, policy: LoadTargetPolicy): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses: LookupAddress[] =
    isIP(host) !== 0
      ? [{ address: host, family: isIP(host) }]
      : await new Promise((resolve, reject) =>
          dnsLookup(host, { all: true }, (err, list) => (err ? reject(err) : resolve(list))),
        );
  for (const { address } of addresses) {
    const refusal = refusalOf(host, address, policy);
    if (refusal) return refusal;
  }
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for `net.connect` applying the policy to every address a connection may use. */
export function loadPolicyLookup(policy: LoadTargetPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      for (const { address } of addresses) {
        const refusal = refusalOf(hostname, address, policy);
        if (refusal) return callback(Object.assign(new Error(refusal), { code: LOAD_POLICY_CODE }), '');
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
