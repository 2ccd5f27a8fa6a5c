import {
  fileSizeMessage,
  formatColorList,
  type ZjzReceiptSpec,
  type ZjzWireItem,
  type ZjzWireItemDetail,
} from '@banshi/vendor-clients/zjz';
import { specOf, vendorRoute, type ZjzRouteContext } from '../route-kit.js';

/** 回执规格列表 and 回执规格详情. */
export function registerItemRoutes(context: ZjzRouteContext): void {
  context.host.route(
    'POST',
    '/item/list',
    vendorRoute(context, async () => ({ data: { list: context.specs.map(toWireItem) }, code: 0, msg: 'success' })),
  );
  context.host.route(
    'POST',
    '/item/get',
    vendorRoute(context, async (form) => ({ data: toWireItemDetail(specOf(context, form)), code: 0, msg: 'success' })),
  );
}

export function toWireItem(spec: ZjzReceiptSpec): ZjzWireItem {
  return {
    item_id: String(spec.itemId),
    name: spec.name,
    width_px: String(spec.widthPx),
    height_px: String(spec.heightPx),
    width_mm: String(spec.widthMm),
    height_mm: String(spec.heightMm),
    dpi: String(spec.dpi),
    file_size_msg: fileSizeMessage(spec),
    color: formatColorList(spec.colors),
  };
}

export function toWireItemDetail(spec: ZjzReceiptSpec): ZjzWireItemDetail {
  return {
    ...toWireItem(spec),
    file_size_min: String(spec.fileSizeKb?.min ?? 0),
    file_size_max: String(spec.fileSizeKb?.max ?? 0),
    category: spec.category,
    category_id: String(spec.categoryId),
  };
}
