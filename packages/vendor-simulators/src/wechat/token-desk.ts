import { randomBytes } from 'node:crypto';
import type { Clock } from '@banshi/vendor-clients';

const LIFETIME_MS = 7200_000;
/** WeChat keeps the previous token valid for five minutes after a new one is issued. */
const GRACE_MS = 5 * 60_000;

/**
 * Access tokens as WeChat keeps them: one current token per app (7200 s); `/cgi-bin/token` always
 * issues a new one, `/cgi-bin/stable_token` hands out the current one until it expires or a
 * `force_refresh` asks for a new one; the previous token works for five more minutes.
 */
export class TokenDesk {
  private current?: { token: string; expiresAt: number };
  private previous?: { token: string; graceUntil: number };
  private readonly revoked = new Set<string>();
  issued = 0;

  constructor(private readonly clock: Clock) {}

  issue(): { token: string; expiresIn: number } {
    const now = this.clock.now();
    if (this.current && now < this.current.expiresAt) {
      this.previous = { token: this.current.token, graceUntil: now + GRACE_MS };
    }
    this.current = { token: randomBytes(24).toString('hex'), expiresAt: now + LIFETIME_MS };
    this.issued++;
    return { token: this.current.token, expiresIn: LIFETIME_MS / 1000 };
  }

  stable(forceRefresh: boolean): { token: string; expiresIn: number } {
    const now = this.clock.now();
    if (!forceRefresh && this.current && now < this.current.expiresAt) {
      return { token: this.current.token, expiresIn: Math.floor((this.current.expiresAt - now) / 1000) };
    }
    return this.issue();
  }

  /** undefined when the token is good, else WeChat's code: 42001 expired, 40001 invalid. */
  check(token: string | null): 40001 | 42001 | undefined {
    const now = this.clock.now();
    if (!token || this.revoked.has(token)) return 40001;
    if (this.current?.token === token) return now < this.current.expiresAt ? undefined : 42001;
    if (this.previous?.token === token) return now < this.previous.graceUntil ? undefined : 42001;
    return 40001;
  }

  /** Knob: the current token expires now (calls with it get 42001). */
  expireNow(): void {
    if (this.current) this.current.expiresAt = this.clock.now();
    this.previous = undefined;
  }

  /** Knob: every token issued so far is invalid (40001), as after an AppSecret reset. */
  revokeAll(): void {
    if (this.current) this.revoked.add(this.current.token);
    if (this.previous) this.revoked.add(this.previous.token);
  }
}
