import { useEffect, useRef, useState } from 'react';

export interface Countdown {
  /** Whole seconds left, never below 0. */
  seconds: number;
  /** `剩余 29:59`; `已超时` at 0. Minutes are not wrapped into hours: a payment waits 30 minutes. */
  text: string;
  expired: boolean;
}

/**
 * What is left until `expiresAt` (the server's ISO time) at `nowMs`. Rounded up, so 00:00 is shown
 * only once the deadline has passed. An unparsable time counts as expired: nothing to count down to.
 */
export function countdown(expiresAt: string, nowMs: number): Countdown {
  const left = Date.parse(expiresAt) - nowMs;
  const seconds = Number.isNaN(left) ? 0 : Math.max(0, Math.ceil(left / 1000));
  if (seconds === 0) return { seconds, text: '已超时', expired: true };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { seconds, text: `剩余 ${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`, expired: false };
}

/**
 * The countdown to `expiresAt`, updated every second; `onExpired` is called once when it reaches 0
 * (the page asks the server, which closes the order).
 */
export function useCountdown(expiresAt: string, onExpired: () => void): Countdown {
  const [now, setNow] = useState(() => Date.now());
  const state = countdown(expiresAt, now);
  const expiredRef = useRef(onExpired);
  expiredRef.current = onExpired;
  const fired = useRef(false);

  useEffect(() => {
    if (state.expired) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state.expired]);

  useEffect(() => {
    if (!state.expired || fired.current) return;
    fired.current = true;
    expiredRef.current();
  }, [state.expired]);

  return state;
}
