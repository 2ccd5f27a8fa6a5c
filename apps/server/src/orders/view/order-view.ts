import { Injectable, Logger } from '@nestjs/common';
import type { OrderKind } from '../order-status.js';

/**
 * An order's detail as a person reads it: sections of labelled fields, every label in Chinese and
 * every value already formatted (money in ¥, times in China time, enums translated, personal data
 * masked). Both merchant UIs (the desk console and the mini-program) render it as it is, so they
 * cannot drift apart and neither has to know a service's fields.
 */
export interface ViewField {
  label: string;
  value: string;
  /** `image`: `url` is a signed picture; `link`: `url` opens a file. Plain text otherwise. */
  type?: 'text' | 'image' | 'link';
  url?: string | null;
  /** Draws attention (a rejection, an error, a duplicate). */
  tone?: 'normal' | 'warning' | 'danger' | 'success';
}

export interface ViewSection {
  /** Stable across versions, for tests and styling; never shown. */
  key: string;
  title: string;
  fields: ViewField[];
}

/**
 * One service's view of its orders. Services register one in `onModuleInit`; the merchant console
 * only asks this registry and never imports a service module.
 */
export interface OrderViewDescriber {
  readonly kind: OrderKind;
  /** The kind's own sections; `[]` when the order has no details of this kind (yet). */
  sections(orderId: number): Promise<ViewSection[]>;
  /** The vendor's raw status code in words, or null when the code is unknown. */
  vendorStatusLabel(vendorStatus: string): string | null;
}

@Injectable()
export class OrderViewDescribers {
  private readonly logger = new Logger(OrderViewDescribers.name);
  private readonly byKind = new Map<OrderKind, OrderViewDescriber>();

  register(describer: OrderViewDescriber): void {
    if (this.byKind.has(describer.kind) && this.byKind.get(describer.kind) !== describer) {
      this.logger.warn({ kind: describer.kind }, 'a second order view describer replaces the first');
    }
    this.byKind.set(describer.kind, describer);
  }

  get(kind: OrderKind): OrderViewDescriber | undefined {
    return this.byKind.get(kind);
  }
}
