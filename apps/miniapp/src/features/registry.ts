import idPhotoIcon from '../assets/services/id-photo.png';
import identityIcon from '../assets/services/identity.png';
import inspectionIcon from '../assets/services/inspection.png';
import invoicesIcon from '../assets/services/invoices.png';
import vehiclesIcon from '../assets/services/vehicles.png';
import type { OrderKind } from '../shared/api/types';

/**
 * The services shown on the home page. Only services that exist are listed: a service adds its entry here
 * together with its subpackage in app.config.ts, so the home page never shows a tile that leads nowhere.
 */
export interface ServiceEntry {
  key: string;
  /** Chinese name on the tile, e.g. 证件照回执. */
  title: string;
  /** One short line under the title. */
  description: string;
  /** Tile picture: an imported PNG from `src/assets/services/` (small: it ships in the main package). */
  icon: string;
  /** First page of the service's subpackage, e.g. `/id-photo/pages/index/index`. */
  path: string;
  /**
   * The service's own page for one of its orders, opened from 我的订单 instead of the generic timeline, so
   * the user lands where the receipt, the payment or the next step is. The page takes the order id as
   * `param`: `id` where its records are the orders, `orderId` where they have ids of their own.
   */
  order?: { kind: OrderKind; page: string; param?: 'id' | 'orderId' };
}

export const SERVICES: readonly ServiceEntry[] = [
  {
    key: 'id-photo',
    title: '证件照回执',
    description: '合规证件照，办官方回执',
    icon: idPhotoIcon,
    path: '/id-photo/pages/index/index',
    order: { kind: 'id_photo', page: '/id-photo/pages/order/index' },
  },
  {
    key: 'identity',
    title: '实名认证',
    description: '姓名 + 身份证 + 人脸照片',
    icon: identityIcon,
    path: '/identity/pages/index/index',
    order: { kind: 'identity', page: '/identity/pages/result/index', param: 'orderId' },
  },
  {
    key: 'inspection',
    title: '年检代办',
    description: '免检车辆寄材料办年检',
    icon: inspectionIcon,
    path: '/inspection/pages/index/index',
    order: { kind: 'inspection', page: '/inspection/pages/order/index' },
  },
  {
    key: 'invoices',
    title: '票据识别',
    description: '拍照扫码识票据，查重报销',
    icon: invoicesIcon,
    path: '/invoices/pages/index/index',
    order: { kind: 'invoice_scan', page: '/invoices/pages/detail/index', param: 'orderId' },
  },
  {
    key: 'vehicles',
    title: '违章查缴',
    description: '查违章、缴罚款、新违章提醒',
    icon: vehiclesIcon,
    path: '/vehicles/pages/garage/index',
    order: { kind: 'violation_payment', page: '/vehicles/pages/order/index' },
  },
];

/** Where 我的订单 opens an order: its service's own page when there is one, else the generic timeline. */
export function servicePageForOrder(order: { id: number; kind: OrderKind }): string | undefined {
  const entry = SERVICES.find((service) => service.order?.kind === order.kind);
  return entry?.order ? `${entry.order.page}?${entry.order.param ?? 'id'}=${order.id}` : undefined;
}
