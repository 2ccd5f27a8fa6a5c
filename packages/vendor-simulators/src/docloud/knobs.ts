import type { SimContext } from './context.js';
import { cityByName, cityForPlate } from './data/cities.js';
import { makeViolation, type SimViolation } from './data/violation-gen.js';
import { TRAFFIC_RULES } from './data/violation-rules.js';
import { announceViolations } from './order-desk.js';
import { fail } from './route-kit.js';

/** What a test may set on a violation it adds; the rest comes from a default zero-point parking fine. */
export interface NewViolation {
  lawCode?: string;
  reason?: string;
  /** Whole yuan, as fines are. */
  fine?: number;
  point?: number;
  /** An open city's name ("杭州市"); the plate's own city by default. */
  city?: string;
  address?: string;
  /** Epoch ms; now by default. */
  at?: number;
}

export interface SimViolationView {
  code: string;
  time: string;
  fineFen: number;
  point: number;
  serviceFeeFen: number;
  markFeeFen: number;
  city: string;
  province: string;
  agency: boolean;
  processStatus: 1 | 2 | 3 | 4;
  paymentStatus: 1 | 2;
}

export function viewOf(v: SimViolation): SimViolationView {
  return {
    code: v.code,
    time: v.time,
    fineFen: v.fineFen,
    point: v.point,
    serviceFeeFen: v.serviceFeeFen,
    markFeeFen: v.markFeeFen,
    city: v.place.city,
    province: v.place.province,
    agency: v.place.agency,
    processStatus: v.processStatus,
    paymentStatus: v.paymentStatus,
  };
}

export function addViolation(ctx: SimContext, plate: string, input: NewViolation): string {
  const home = cityForPlate(plate);
  if (!home) throw fail('1031');
  const place = input.city ? cityByName(input.city) : home;
  if (!place) throw fail('1031');
  const base = TRAFFIC_RULES[0];
  const serial = ctx.state.nextAddedViolation++;
  const violation = makeViolation({
    code: `${String(serial).padStart(6, '0')}-N${serial}`,
    rule: {
      lawCode: input.lawCode ?? base.lawCode,
      reason: input.reason ?? base.reason,
      fine: input.fine ?? base.fine,
      point: input.point ?? base.point,
    },
    place,
    road: input.address ?? place.roads[serial % place.roads.length],
    at: input.at ?? ctx.clock.now(),
    feeIndex: serial,
    violationNum: String(3301000000000 + serial),
  });
  ctx.state.violationsOf(plate).unshift(violation);
  announceViolations(ctx, plate);
  return violation.code;
}
