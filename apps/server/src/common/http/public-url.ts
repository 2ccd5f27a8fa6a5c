import { Injectable } from '@nestjs/common';

/**
 * The address vendors call us back on. Configured with PUBLIC_BASE_URL in production; otherwise
 * known only once the server listens (tests listen on port 0), so it is resolved late.
 */
@Injectable()
export class PublicUrl {
  private value?: string;
  private readonly listeners: ((base: string) => void)[] = [];

  get base(): string {
    if (!this.value) throw new Error('public base URL not resolved yet: the server is not listening');
    return this.value;
  }

  get resolved(): boolean {
    return this.value !== undefined;
  }

  resolve(base: string): void {
    this.value = base.replace(/\/+$/, '');
    for (const listener of this.listeners) listener(this.value);
  }

  onResolved(listener: (base: string) => void): void {
    if (this.value) listener(this.value);
    else this.listeners.push(listener);
  }

  /** An absolute URL under `/api`. */
  api(path: string): string {
    return `${this.base}/api${path.startsWith('/') ? path : `/${path}`}`;
  }
}
