/**
 * A vendor's status lifecycle, written down once as data from its document: which statuses may
 * come after which, and which only confirm a request of ours. Everything else (terminal statuses,
 * what is late, what is refused) is derived from it, so a callback handler never hard-codes it.
 */
export interface StatusOrderSpec<S extends string | number> {
  vendor: string;
  /** What the document calls this lifecycle (section name), for messages and docs. */
  lifecycle: string;
  /** Where an order starts once the vendor has accepted it. */
  initial: S;
  /** For each status, the statuses that may come directly after it (none: terminal). */
  next: ReadonlyArray<readonly [S, readonly S[]]>;
  /**
   * Statuses that only confirm a request of ours, with the document's words: they may follow only
   * the statuses listed in `next`, never anything further along.
   */
  confirms?: ReadonlyArray<readonly [S, string]>;
}

export type StatusVerdict =
  /** A step further along the lifecycle: apply it. */
  | 'forward'
  /** The same status again. */
  | 'same'
  /** An earlier step of the path the order took, arriving late: record it, change nothing. */
  | 'late'
  /** The order is at a terminal status, and this one is not an earlier step of its path. */
  | 'final'
  /** Not a status that may follow the current one (a confirmation of a request we did not make …). */
  | 'refused';

export interface StatusOrder<S extends string | number> {
  readonly vendor: string;
  readonly lifecycle: string;
  readonly initial: S;
  /** Every status, in the order of the lifecycle (a topological order of `next`). */
  readonly statuses: readonly S[];
  readonly terminal: ReadonlySet<S>;
  readonly confirmations: ReadonlyMap<S, string>;
  /** Whether `to` can come after `from`, directly or through other steps. */
  mayFollow(from: S, to: S): boolean;
  /** What an incoming status means for an order at `current`. */
  verdict(current: S, incoming: S): StatusVerdict;
  /** A status of this lifecycle, or undefined (the wire gives strings, numbers, "2.5" …). */
  parse(value: unknown): S | undefined;
  /** Whether every status of the list lies on one path (a vendor could have sent them all, in some order). */
  isOnePath(statuses: readonly S[]): boolean;
  /** The statuses sorted into the order of the lifecycle, each once: how an orderly vendor delivers them. */
  orderly(statuses: readonly S[]): S[];
}

export function defineStatusOrder<S extends string | number>(spec: StatusOrderSpec<S>): StatusOrder<S> {
  const next = new Map<S, readonly S[]>(spec.next);
  for (const followers of next.values()) for (const status of followers) if (!next.has(status)) next.set(status, []);
  const reach = new Map<S, Set<S>>();
  const reachable = (from: S, seen = new Set<S>()): Set<S> => {
    const known = reach.get(from);
    if (known) return known;
    if (seen.has(from)) throw new Error(`${spec.vendor} status order has a cycle at ${String(from)}`);
    seen.add(from);
    const all = new Set<S>();
    for (const status of next.get(from) ?? []) {
      all.add(status);
      for (const further of reachable(status, seen)) all.add(further);
    }
    reach.set(from, all);
    return all;
  };
  for (const status of next.keys()) reachable(status);
  const statuses = topological([...next.keys()], (a, b) => reachable(a).has(b));
  const mayFollow = (from: S, to: S) => reachable(from).has(to);
  const byText = new Map(statuses.map((status) => [String(status), status]));
  return {
    vendor: spec.vendor,
    lifecycle: spec.lifecycle,
    initial: spec.initial,
    statuses,
    terminal: new Set(statuses.filter((status) => (next.get(status) ?? []).length === 0)),
    confirmations: new Map(spec.confirms ?? []),
    mayFollow,
    verdict(current, incoming) {
      if (current === incoming) return 'same';
      if (mayFollow(current, incoming)) return 'forward';
      if (mayFollow(incoming, current)) return 'late';
      return (next.get(current) ?? []).length === 0 ? 'final' : 'refused';
    },
    parse(value) {
      if (typeof value === 'number' && !Number.isInteger(value)) return undefined;
      if (typeof value !== 'number' && typeof value !== 'string') return undefined;
      return byText.get(String(value));
    },
    isOnePath(list) {
      const distinct = [...new Set(list)];
      return distinct.every((a) => distinct.every((b) => a === b || mayFollow(a, b) || mayFollow(b, a)));
    },
    orderly(list) {
      return statuses.filter((status) => list.includes(status));
    },
  };
}

/** A stable order in which every status comes before those that may follow it. */
function topological<S>(items: S[], before: (a: S, b: S) => boolean): S[] {
  const placed: S[] = [];
  const left = [...items];
  while (left.length > 0) {
    const at = left.findIndex((item) => !left.some((other) => other !== item && before(other, item)));
    placed.push(...left.splice(at < 0 ? 0 : at, 1));
  }
  return placed;
}
