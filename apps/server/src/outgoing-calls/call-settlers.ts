import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutgoingCall } from './outgoing-call.entity.js';

/** How an unknown call ended, as the vendor's query, its callback or a person tells. */
export interface SettledOutcome {
  result: 'succeeded' | 'failed';
  /** What the person chose (one of the settler's `choices`), for the module's own records. */
  choice?: string;
  summary?: Record<string, unknown>;
}

/** One answer a person may give in the console, in Chinese. */
export interface PersonChoice {
  value: string;
  label: string;
  result: 'succeeded' | 'failed';
}

/**
 * What the module that owns an operation tells the ledger about it. The core knows no service: each
 * module registers its settlers in `onModuleInit`.
 */
export interface CallSettler {
  /** How long the job keeps asking (or waiting for a callback) before a person is asked. */
  windowMs: number;
  /** Where the person looks the call up, in Chinese (shown with the 待处理 item). */
  advice: string;
  /** Asks the vendor; null while it cannot tell. Absent when the vendor has no query. */
  query?(call: OutgoingCall): Promise<SettledOutcome | null>;
  /** Applies a settled outcome to the module's own records, inside the settlement's transaction. */
  apply?(manager: EntityManager, call: OutgoingCall, outcome: SettledOutcome): Promise<void>;
  /** After the settlement committed (the job, a person; not a callback, whose inbox commits later). */
  after?(call: OutgoingCall, outcome: SettledOutcome): Promise<void>;
  /** What a person may answer; by default 已成功 / 未成功. */
  choices?: PersonChoice[];
}

export const DEFAULT_CHOICES: PersonChoice[] = [
  { value: 'succeeded', label: '服务商已受理（已成功）', result: 'succeeded' },
  { value: 'failed', label: '服务商未受理（未成功）', result: 'failed' },
];

/** Settlers by `vendor:operation`. */
@Injectable()
export class CallSettlers {
  private readonly settlers = new Map<string, CallSettler>();

  register(vendor: string, operation: string, settler: CallSettler): void {
    this.settlers.set(`${vendor}:${operation}`, settler);
  }

  of(vendor: string, operation: string): CallSettler | undefined {
    return this.settlers.get(`${vendor}:${operation}`);
  }

  choicesOf(vendor: string, operation: string): PersonChoice[] {
    return this.of(vendor, operation)?.choices ?? DEFAULT_CHOICES;
  }
}
