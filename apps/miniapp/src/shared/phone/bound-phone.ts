import { useEffect, useRef } from 'react';
import { request } from '../api/request';

/** The phone bound on 我的, in full (null when none is bound, or when it cannot be read just now). */
export async function boundPhone(): Promise<string | null> {
  try {
    const answer = await request<{ phone: string | null }>({ path: '/api/me/phone', silent: true });
    return answer.phone;
  } catch {
    // A prefill is a convenience: without it the user types the number, as before.
    return null;
  }
}

/**
 * Offers a form the bound phone once, when it arrives. `fill` decides which fields take it and must leave
 * a field the user has already typed in alone (the answer may come after the first keystrokes).
 */
export function usePrefillPhone(fill: (phone: string) => void, enabled = true): void {
  const latest = useRef(fill);
  latest.current = fill;
  useEffect(() => {
    if (!enabled) return undefined;
    let mounted = true;
    void boundPhone().then((phone) => {
      if (mounted && phone) latest.current(phone);
    });
    return () => {
      mounted = false;
    };
  }, [enabled]);
}

/** `record` with `phone` in each of `keys` that is still empty; the same object when nothing changes. */
export function withPhone<T extends object>(record: T, keys: readonly (keyof T & string)[], phone: string): T {
  const empty = keys.filter((key) => !String(record[key] ?? '').trim());
  return empty.length === 0 ? record : { ...record, ...Object.fromEntries(empty.map((key) => [key, phone])) };
}
