import { defineStatusOrder } from '../core/status-order.js';
import { YUNDOU_VENDOR } from './constants.js';

export type YundouScanStatus = 'accepted' | 'recognised' | 'qr_read' | 'recognition_failed';

/**
 * One upload's results (《识别结果回调》 and the QR callback): the upload is accepted (`code` 0 on the
 * upload answer), then one result comes, `code` 0 with the bill (or the QR's text) or `code` 1. The
 * first result is the upload's: a second one for the same bill cannot change it. A photo with two
 * bills calls back once per bill (`bid`), and each further bill is an upload of its own here.
 */
export const YUNDOU_STATUS_ORDER = defineStatusOrder<YundouScanStatus>({
  vendor: YUNDOU_VENDOR,
  lifecycle: '识别结果回调',
  initial: 'accepted',
  next: [['accepted', ['recognised', 'qr_read', 'recognition_failed']]],
});
