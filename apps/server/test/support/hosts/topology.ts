import { execFileSync } from 'node:child_process';

/**
 * Hosts for a multi-host test: one network namespace per host, each joined to the root namespace by
 * a veth pair (root 10.77.<i>.1, host 10.77.<i>.2, default route through the root, which forwards
 * between them as a switch would). The root also answers at 10.77.0.1, where the test relays the
 * shared services. Where namespaces cannot be made (no root, no `ip`), every host is the loopback
 * and the same test runs on loopback ports, and says so.
 */
export interface Host {
  name: string;
  /** Where the others reach it. */
  address: string;
  /** Prefix that runs a command on this host (`ip netns exec …`), empty on loopback. */
  exec: string[];
}

export interface Topology {
  namespaces: boolean;
  /** Where hosts reach the shared services (the root namespace). */
  servicesAddress: string;
  hosts: Record<string, Host>;
  close(): void;
}

export const SERVICES_ADDRESS = '10.77.0.1';
const PREFIX = 'bs';

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' });
}

function tryIp(...args: string[]): void {
  try {
    ip(...args);
  } catch {
    // absent already
  }
}

/** Removes what an earlier run killed before its clean-up left behind. */
function removeLeftovers(names: string[]): void {
  names.forEach((_, i) => tryIp('link', 'del', `${PREFIX}v${i + 1}`));
  for (const name of names) tryIp('netns', 'del', `${PREFIX}-${name}`);
  tryIp('addr', 'del', `${SERVICES_ADDRESS}/32`, 'dev', 'lo');
}

export function canMakeNamespaces(): boolean {
  const probe = `${PREFIX}-probe-${process.pid}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
    return true;
  } catch {
    return false;
  }
}

export function createTopology(names: string[]): Topology {
  if (!canMakeNamespaces()) {
    const hosts = Object.fromEntries(names.map((name) => [name, { name, address: '127.0.0.1', exec: [] }]));
    return { namespaces: false, servicesAddress: '127.0.0.1', hosts, close: () => undefined };
  }
  removeLeftovers(names);
  execFileSync('sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1']);
  ip('addr', 'add', `${SERVICES_ADDRESS}/32`, 'dev', 'lo');
  const hosts: Record<string, Host> = {};
  names.forEach((name, index) => {
    const i = index + 1;
    const ns = `${PREFIX}-${name}`;
    const [rootEnd, hostEnd] = [`${PREFIX}v${i}`, `${PREFIX}p${i}`];
    ip('netns', 'add', ns);
    ip('link', 'add', rootEnd, 'type', 'veth', 'peer', 'name', hostEnd);
    ip('link', 'set', hostEnd, 'netns', ns);
    ip('addr', 'add', `10.77.${i}.1/24`, 'dev', rootEnd);
    ip('link', 'set', rootEnd, 'up');
    const inNs = (...args: string[]) => ip('netns', 'exec', ns, 'ip', ...args);
    inNs('addr', 'add', `10.77.${i}.2/24`, 'dev', hostEnd);
    inNs('link', 'set', hostEnd, 'up');
    inNs('link', 'set', 'lo', 'up');
    inNs('route', 'add', 'default', 'via', `10.77.${i}.1`);
    hosts[name] = { name, address: `10.77.${i}.2`, exec: ['ip', 'netns', 'exec', ns] };
  });
  return {
    namespaces: true,
    servicesAddress: SERVICES_ADDRESS,
    hosts,
    close: () => removeLeftovers(names),
  };
}
