import { Axis, Chart, createElement, Interval, Legend, Line, Point } from '@antv/f2';
import type { OrderKind } from '../../../shared/api/types';
import type { DashboardDto } from '../api/types';
import { vendorLabel } from '../labels';

/** Short kind names: five of them share a phone-wide axis. */
export const SHORT_KIND_LABELS: Record<OrderKind, string> = {
  id_photo: '证件照',
  invoice_scan: '票据',
  identity: '实名',
  violation_payment: '违章',
  inspection: '年检',
};
const KIND_COLORS = ['#07c160', '#1677ff', '#ff8f1f', '#fa5151', '#8b5cf6'];
const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * F2's classic `createElement` (what its JSX compiles to). Its typings want each component's exact
 * generic props, which the props below are, checked by F2 at run time; typed loosely here.
 */
const h = createElement as unknown as (
  type: unknown,
  props: Record<string, unknown> | null,
  ...children: unknown[]
) => unknown;

/** Rows of the daily chart: one per day and kind, days as `MM-DD`. */
export function dailyRows(dashboard: DashboardDto) {
  return dashboard.perDay.map((row) => ({
    day: row.day.slice(5),
    kind: SHORT_KIND_LABELS[row.kind] ?? row.kind,
    count: row.count,
  }));
}

/** Rows of the rates chart: completion and failure per kind that had orders. */
export function rateRows(dashboard: DashboardDto) {
  return dashboard.kinds
    .filter((kind) => kind.total > 0)
    .flatMap((kind) => [
      { kind: SHORT_KIND_LABELS[kind.kind], type: '完成率', rate: kind.completionRate },
      { kind: SHORT_KIND_LABELS[kind.kind], type: '失败率', rate: kind.failureRate },
    ]);
}

export function vendorRows(dashboard: DashboardDto) {
  return dashboard.vendors.map((vendor) => ({
    vendor: vendorLabel(vendor.vendor).replace(/（.*）/, ''),
    errorRate: vendor.errorRate,
  }));
}

/** Orders per day, one line per kind. */
export function dailyOrdersChart(dashboard: DashboardDto) {
  const data = dailyRows(dashboard);
  const tickCount = Math.min(dashboard.days.length, 6);
  return h(
    Chart,
    { data, scale: { day: { type: 'cat', tickCount }, count: { min: 0, tickCount: 4, nice: true } } },
    h(Axis, { field: 'day' }),
    h(Axis, { field: 'count' }),
    h(Line, { x: 'day', y: 'count', color: { field: 'kind', range: KIND_COLORS } }),
    dashboard.days.length <= 14
      ? h(Point, { x: 'day', y: 'count', color: { field: 'kind', range: KIND_COLORS }, size: 3 })
      : null,
    h(Legend, { position: 'top' }),
  );
}

/** Completion and failure rate per kind, side by side. */
export function ratesChart(dashboard: DashboardDto) {
  return h(
    Chart,
    { data: rateRows(dashboard), scale: { rate: { min: 0, max: 1, tickCount: 5, formatter: percent } } },
    h(Axis, { field: 'kind' }),
    h(Axis, { field: 'rate' }),
    h(Interval, {
      x: 'kind',
      y: 'rate',
      color: { field: 'type', range: ['#07c160', '#fa5151'] },
      adjust: 'dodge',
    }),
    h(Legend, { position: 'top' }),
  );
}

/** Share of each vendor's callbacks rejected or failed. */
export function vendorErrorsChart(dashboard: DashboardDto) {
  return h(
    Chart,
    { data: vendorRows(dashboard), scale: { errorRate: { min: 0, max: 1, tickCount: 5, formatter: percent } } },
    h(Axis, { field: 'vendor' }),
    h(Axis, { field: 'errorRate' }),
    h(Interval, { x: 'vendor', y: 'errorRate', color: '#ff8f1f' }),
  );
}
