import { createHash } from 'node:crypto';
import { MARK_FEE_FEN_PER_POINT, SERVICE_FEE_FEN, TRAFFIC_RULES, type TrafficRule } from './violation-rules.js';
import { OPEN_CITIES, type SimCity } from './cities.js';

/** A violation as the simulator keeps it; rendered into each endpoint's wire form on the way out. */
export interface SimViolation {
  code: string;
  time: string;
  fineFen: number;
  point: number;
  address: string;
  reason: string;
  lawCode: string;
  /** Where it happened; its rules set the fine and whether it can be paid through an order. */
  place: SimCity;
  serviceFeeFen: number;
  markFeeFen: number;
  processStatus: 1 | 2 | 3 | 4;
  paymentStatus: 1 | 2;
  organName: string;
  violationNum: string;
}

/** Fixed so that a plate's violations never move between runs; timestamps count back from it. */
const EPOCH = Date.UTC(2025, 5, 1, 0, 0, 0);

/**
 * A plate's violations, derived from a hash of the plate so the same plate always has the same ones.
 * About one plate in five has none; most have a mix of zero-point (payable through an order) and
 * point violations, some outside the plate's city or province, and one in three with two or more
 * has one already handled through the platform (processStatus 3), as the vendor lists those too.
 */
export function generateViolations(plate: string, home: SimCity): SimViolation[] {
  const hash = createHash('md5').update(plate, 'utf8').digest();
  const hex = hash.toString('hex');
  const count = hash[0] % 5;
  const serial = String(parseInt(hex.slice(0, 8), 16) % 1_000_000).padStart(6, '0');
  const list: SimViolation[] = [];
  for (let i = 0; i < count; i++) {
    const rule = TRAFFIC_RULES[hash[1 + i] % TRAFFIC_RULES.length];
    const place = placeOf(home, hash[6 + i]);
    const minutesAgo = (hash[11 + (i % 4)] + 1) * (i + 1) * 1440 + hash[15 - i] * 37;
    list.push(
      makeViolation({
        code: `${serial}-D${i + 1}`,
        rule,
        place,
        road: place.roads[hash[2 + i] % place.roads.length],
        at: EPOCH - minutesAgo * 60_000,
        feeIndex: hash[3 + i],
        violationNum: String(BigInt(`0x${hex.slice(i * 2, i * 2 + 14)}`) % 10n ** 15n).padStart(15, '0'),
      }),
    );
  }
  list.sort((a, b) => (a.time < b.time ? 1 : -1));
  if (list.length >= 2 && hash[15] % 3 === 0) {
    const handled = list[list.length - 1];
    handled.processStatus = 3;
    handled.paymentStatus = 2;
  }
  return list;
}

export interface ViolationSeed {
  code: string;
  rule: TrafficRule;
  place: SimCity;
  road: string;
  at: number;
  feeIndex: number;
  violationNum: string;
}

export function makeViolation(seed: ViolationSeed): SimViolation {
  const { rule, place } = seed;
  return {
    code: seed.code,
    time: chinaTime(seed.at),
    fineFen: Math.round(rule.fine * 100),
    point: rule.point,
    address: seed.road,
    reason: rule.reason,
    lawCode: rule.lawCode,
    place,
    serviceFeeFen:
      rule.point > 0
        ? SERVICE_FEE_FEN.withPoints
        : SERVICE_FEE_FEN.zeroPoint[seed.feeIndex % SERVICE_FEE_FEN.zeroPoint.length],
    markFeeFen: rule.point * MARK_FEE_FEN_PER_POINT,
    processStatus: 1,
    paymentStatus: 1,
    organName: `${place.city}公安局交通警察支队`,
    violationNum: seed.violationNum,
  };
}

/** Six in ten at home, two elsewhere in the province, two in another province. */
function placeOf(home: SimCity, byte: number): SimCity {
  const slot = byte % 10;
  if (slot < 6) return home;
  const pool =
    slot < 8
      ? OPEN_CITIES.filter((c) => c.province === home.province && c !== home)
      : OPEN_CITIES.filter((c) => c.province !== home.province);
  return pool.length ? pool[byte % pool.length] : home;
}

/** `yyyy-MM-dd HH:mm:ss` in China time, the vendor's format. */
export function chinaTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}
