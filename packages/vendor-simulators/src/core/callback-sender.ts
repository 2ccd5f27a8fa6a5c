export interface CallbackRequest {
  url: string;
  body: string;
  contentType: string;
  /** Extra headers; a function is called for each attempt (vendors that sign every delivery anew). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Wait before the first attempt (a vendor's processing time, or a "late" scenario). */
  delayMs?: number;
  /** Extra identical deliveries after the first acknowledged one (the "repeat" scenario). */
  repeat?: number;
}

export interface CallbackDelivery {
  url: string;
  body: string;
  attempts: number;
  acknowledged: boolean;
  /** Status and body of each answer, newest last. */
  answers: { status?: number; text?: string; error?: string }[];
}

export interface CallbackSenderOptions {
  vendor: string;
  /** Whether an answer counts as the merchant's acknowledgement, by the vendor's own rule. */
  isAcknowledged: (status: number, text: string) => boolean;
  /** Waits between attempts; its length is the number of retries after the first attempt. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

/**
 * Sends callbacks the way a vendor does: POST to the merchant's URL, read the answer, and try again
 * later until the merchant acknowledges in the vendor's format or the retries run out.
 */
export class CallbackSender {
  readonly deliveries: CallbackDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private stopped = false;
  /** Wakes every waiting delivery when the sender stops, so a closed simulator lets the process exit. */
  private readonly wakers = new Set<() => void>();
  retryDelaysMs: number[];

  constructor(private readonly options: CallbackSenderOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? [200, 1_000, 5_000, 15_000, 60_000];
  }

  /** Schedules a delivery and returns at once; `idle()` waits for every scheduled one. */
  send(request: CallbackRequest): CallbackDelivery {
    const delivery: CallbackDelivery = {
      url: request.url,
      body: request.body,
      attempts: 0,
      acknowledged: false,
      answers: [],
    };
    this.deliveries.push(delivery);
    const task = this.deliver(request, delivery).finally(() => this.pending.delete(task));
    this.pending.add(task);
    return delivery;
  }

  /** Resolves when nothing is waiting to be delivered (including retries and repeats). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops retrying; deliveries under way end after their current attempt, waiting ones at once. */
  stop(): void {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  private wait(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  private async deliver(request: CallbackRequest, delivery: CallbackDelivery): Promise<void> {
    if (request.delayMs) await this.wait(request.delayMs);
    const delays = [0, ...this.retryDelaysMs];
    for (const delay of delays) {
      if (this.stopped) return;
      if (delay) await this.wait(delay);
      if (await this.attempt(request, delivery)) {
        delivery.acknowledged = true;
        break;
      }
    }
    for (let i = 0; i < (request.repeat ?? 0) && !this.stopped; i++) await this.attempt(request, delivery);
  }

  private async attempt(request: CallbackRequest, delivery: CallbackDelivery): Promise<boolean> {
    delivery.attempts++;
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: {
          'content-type': request.contentType,
          ...(typeof request.headers === 'function' ? request.headers() : request.headers),
        },
        body: request.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      delivery.answers.push({ status: response.status, text: text.slice(0, 500) });
      return this.options.isAcknowledged(response.status, text);
    } catch (error) {
      delivery.answers.push({ error: (error as Error).message });
      return false;
    }
  }
}
